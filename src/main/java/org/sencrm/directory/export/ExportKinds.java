package org.sencrm.directory.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.directory.ExportKind;
import org.sencrm.platform.NotFoundException;
import org.springframework.stereotype.Component;

/** The kinds of list that can be exported, by key (every {@link ExportKind} bean of every module). */
@Component
class ExportKinds {

	private final Map<String, ExportKind> kinds = new LinkedHashMap<>();

	ExportKinds(List<ExportKind> kinds) {
		kinds.forEach(kind -> this.kinds.put(kind.key(), kind));
	}

	ExportKind get(String key) {
		var kind = kinds.get(key);
		if (kind == null) {
			throw new NotFoundException("entity.export");
		}
		return kind;
	}
}
