package org.sencrm.directory;

import java.util.UUID;

/**
 * A person's full name now reads differently (a part or the order changed). Published in the
 * transaction of the change, to listeners that keep a copy of the name (sales documents).
 */
public record PersonRenamed(UUID personId, String name) {
}
