package org.sencrm.timeline.email;

import java.time.Instant;
import java.util.List;

/** An email as read from a mailbox, reduced to what the timeline keeps. */
record IncomingEmail(String messageId, String inReplyTo, List<String> references, String fromAddress, String fromName,
		List<String> to, String subject, String bodyHtml, Instant receivedAt) {

	List<String> allAddresses() {
		var all = new java.util.ArrayList<String>();
		all.add(fromAddress);
		to.stream().filter(a -> !all.contains(a)).forEach(all::add);
		return all;
	}
}
