package example.events.violation;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Breaks the rules on purpose: an after-commit listener that is not a module listener and binds
 * the workspace itself.
 */
class InvoiceReminders {

	@TransactionalEventListener
	void on(InvoiceSent sent) {
		WorkspaceContext.runAsSystem(sent.workspaceId(), () -> {
		});
	}
}
