package org.sencrm.directory.customfield;

import java.util.List;
import java.util.UUID;

/** A field a workspace adds to its persons or organizations. */
public record CustomFieldDefinition(UUID id, String entity, String key, String label, String type, List<String> options,
		boolean required, int position, int version) {

	public static final List<String> ENTITIES = List.of("person", "organization");
	public static final List<String> TYPES = List.of("text", "number", "date", "boolean", "choice", "multi_choice");
}
