package org.sencrm.trash;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.DomainException;

/**
 * A deletion refused because the unit holds records the user may not delete (someone else's
 * opportunity, order, activity, task): 409, and the problem body lists them under {@code blockers}.
 * The message names them in the user's language.
 */
public class TrashBlockedException extends DomainException {

	private final transient List<Trash.Blocker> blockers;

	TrashBlockedException(String message, List<Trash.Blocker> blockers) {
		super("trash.blocked", message);
		this.blockers = List.copyOf(blockers);
	}

	/** The refusal in the user's language, as the API's {@code detail} says it. */
	public String text() {
		return (String) arguments()[0];
	}

	public List<Trash.Blocker> blockers() {
		return blockers;
	}

	@Override
	public Map<String, Object> problemProperties() {
		return Map.of("blockers", blockers.stream().map(b -> {
			var json = new LinkedHashMap<String, Object>();
			json.put("type", b.type());
			json.put("id", b.id());
			json.put("label", b.label());
			json.put("ownerId", b.ownerId());
			json.put("ownerName", b.ownerName());
			return json;
		}).toList());
	}
}
