package org.sencrm.exchange;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/** The kinds of record other modules declared importable, by type. */
@Component
class ImportKinds {

	private final Map<String, ImportKind> byType;

	ImportKinds(List<ImportKind> kinds) {
		this.byType = kinds.stream().collect(Collectors.toMap(ImportKind::type, Function.identity()));
	}

	ImportKind get(String type) {
		var kind = byType.get(type);
		if (kind == null) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("type", "import.type-unknown")));
		}
		return kind;
	}

	List<String> types() {
		return byType.keySet().stream().sorted().toList();
	}
}
