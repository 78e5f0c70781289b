package org.sencrm.trash;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sencrm.platform.DomainException;

/**
 * A restore refused because a record the unit hangs on is in the trash in another entry (a task of
 * a person deleted on its own, then the person): restore that one first. 409; the problem body names
 * it under {@code parent}.
 */
class TrashParentException extends DomainException {

	private final transient Units.Elsewhere parent;
	private final String label;

	/** {@code typeName}: the parent's type in the user's language. */
	TrashParentException(Units.Elsewhere parent, String typeName, String label) {
		super("trash.parent-in-trash", typeName, label);
		this.parent = parent;
		this.label = label;
	}

	@Override
	public Map<String, Object> problemProperties() {
		var json = new LinkedHashMap<String, Object>();
		json.put("type", parent.type());
		json.put("id", parent.id());
		json.put("label", label);
		json.put("trashId", parent.trashId());
		return Map.of("parent", json);
	}
}
