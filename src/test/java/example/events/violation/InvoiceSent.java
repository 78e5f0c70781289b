package example.events.violation;

import java.util.UUID;

/** Breaks the rule on purpose: an event of a workspace that does not say so (not a WorkspaceEvent). */
public record InvoiceSent(UUID workspaceId, UUID invoiceId) {
}
