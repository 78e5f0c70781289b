package org.sencrm.directory.view;

import java.util.UUID;

/** A list a user saved: the entity ("person" or "organization"), a name, and the list's query string. */
public record SavedView(UUID id, String entity, String name, String query) {
}
