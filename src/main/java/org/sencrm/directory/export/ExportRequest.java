package org.sencrm.directory.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sencrm.directory.ExportKind;
import org.sencrm.platform.ValidationException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What an export asks for: the kind of list, the file type, the columns in their order, and the
 * list's filters. Read from the request parameters {@code format}, {@code columns} (comma-separated
 * or repeated; none for the kind's default columns) and the list's own filters; the page parameters
 * ({@code cursor}, {@code limit}) are left out, an export always has every row.
 */
record ExportRequest(ExportKind kind, ExportFormat format, List<String> columns, MultiValueMap<String, String> filter) {

	static final Set<String> OWN = Set.of("format", "columns", "cursor", "limit");

	static ExportRequest read(ExportKind kind, MultiValueMap<String, String> params) {
		var format = ExportFormat.of(params.getFirst("format"));
		var problems = new ValidationException.Collector();
		if (format == ExportFormat.VCF && !kind.key().equals(PersonExportKind.KEY)) {
			problems.add("format", "validation.choice");
		}
		var known = kind.columns();
		var names = known.stream().map(ExportKind.Column::name).toList();
		var chosen = new LinkedHashSet<String>();
		for (var value : params.getOrDefault("columns", List.of())) {
			for (var name : value.split(",")) {
				if (!name.isBlank()) {
					chosen.add(name.strip());
				}
			}
		}
		for (var name : chosen) {
			if (!names.contains(name)) {
				problems.add("columns", "export.unknown-column", name);
			}
		}
		problems.throwIfAny();
		List<String> columns;
		if (format == ExportFormat.VCF) {
			columns = new ArrayList<>(VcardFile.COLUMNS);
			names.stream().filter(n -> n.startsWith(CustomerExportKind.CUSTOM)).forEach(columns::add);
		} else if (chosen.isEmpty()) {
			columns = known.stream().filter(ExportKind.Column::byDefault).map(ExportKind.Column::name).toList();
		} else {
			columns = List.copyOf(chosen);
		}
		var filter = filterOf(params);
		kind.checkFilter(filter);
		return new ExportRequest(kind, format, columns, filter);
	}

	static MultiValueMap<String, String> filterOf(MultiValueMap<String, String> params) {
		var filter = new LinkedMultiValueMap<String, String>();
		params.forEach((key, values) -> {
			if (!OWN.contains(key)) {
				filter.put(key, new ArrayList<>(values));
			}
		});
		return filter;
	}
}
