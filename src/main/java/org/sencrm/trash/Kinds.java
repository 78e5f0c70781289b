package org.sencrm.trash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every kind of record the modules declared, and the order the purge removes them in. */
@Component
class Kinds {

	private final Map<String, TrashableKind> byType = new LinkedHashMap<>();
	private final List<TrashableKind> childrenFirst;

	Kinds(List<TrashableKind> kinds) {
		kinds.forEach(kind -> {
			if (byType.put(kind.type(), kind) != null) {
				throw new IllegalStateException("Two trashable kinds of type " + kind.type());
			}
		});
		kinds.forEach(kind -> kind.hangsOn().forEach(parent -> {
			if (!byType.containsKey(parent.parentType())) {
				throw new IllegalStateException(kind.type() + " hangs on an unknown kind " + parent.parentType());
			}
		}));
		childrenFirst = childrenFirst(kinds);
	}

	Optional<TrashableKind> find(String type) {
		return Optional.ofNullable(byType.get(type));
	}

	TrashableKind get(String type) {
		return find(type).orElseThrow(() -> new IllegalArgumentException("Not a trashable kind: " + type));
	}

	List<TrashableKind> all() {
		return List.copyOf(byType.values());
	}

	/**
	 * The kinds in an order where every kind comes after all the kinds that hang on it: the rows of a
	 * unit are removed in this order, so no foreign key ever points at a removed row.
	 */
	List<TrashableKind> childrenFirst() {
		return childrenFirst;
	}

	private static List<TrashableKind> childrenFirst(List<TrashableKind> kinds) {
		var ordered = new ArrayList<TrashableKind>();
		var left = new ArrayList<>(kinds);
		while (!left.isEmpty()) {
			var ready = left.stream()
					.filter(kind -> left.stream().noneMatch(other -> other != kind
							&& other.hangsOn().stream().anyMatch(h -> h.parentType().equals(kind.type()))))
					.toList();
			if (ready.isEmpty()) {
				throw new IllegalStateException("Trashable kinds hang on each other in a circle: " + left);
			}
			ordered.addAll(ready);
			left.removeAll(ready);
		}
		return List.copyOf(ordered);
	}
}
