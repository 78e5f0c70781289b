package org.sencrm.directory.tag;

import java.util.UUID;

/** A label on customers ("VIP", "Hà Nội"), unique by name in a workspace regardless of case. */
public record Tag(UUID id, String name, String color) {
}
