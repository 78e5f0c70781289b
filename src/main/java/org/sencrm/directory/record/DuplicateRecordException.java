package org.sencrm.directory.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.directory.duplicates.DuplicateCheck;
import org.sencrm.platform.DomainException;

/**
 * A create or change refused because another record has the same email, phone (E.164) or tax code:
 * 409 {@code duplicate}, the problem body lists them under {@code duplicates} ({@code id}, {@code name},
 * {@code reasons}). Sent again with {@code "allowDuplicate": true}, it is saved (decision 32).
 */
public class DuplicateRecordException extends DomainException {

	private final transient List<DuplicateCheck.Found> duplicates;

	DuplicateRecordException(List<DuplicateCheck.Found> duplicates) {
		super("duplicate");
		this.duplicates = List.copyOf(duplicates);
	}

	public List<DuplicateCheck.Found> duplicates() {
		return duplicates;
	}

	@Override
	public Map<String, Object> problemProperties() {
		return Map.of("duplicates", duplicates.stream().map(d -> {
			var json = new LinkedHashMap<String, Object>();
			json.put("id", d.id());
			json.put("name", d.name());
			json.put("reasons", d.reasons());
			return json;
		}).toList());
	}
}
