package org.sencrm.timeline.email;

import java.util.UUID;

/** A user's own email template: Mustache subject and HTML body with merge fields like {@code {{person.givenName}}}. */
public record EmailTemplate(UUID id, String name, String subject, String body, int version) {
}
