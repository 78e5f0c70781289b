package org.sencrm.sales.lead;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the double opt-in link after the lead's transaction commits, on its own thread, in the
 * event's workspace; a failed delivery (the mail server refused) is retried (decision 25).
 */
@Component
class ConsentConfirmationMail {

	private final ConsentConfirmations confirmations;

	ConsentConfirmationMail(ConsentConfirmations confirmations) {
		this.confirmations = confirmations;
	}

	@ApplicationModuleListener
	void on(ConsentConfirmations.Requested requested) {
		confirmations.send(requested);
	}
}
