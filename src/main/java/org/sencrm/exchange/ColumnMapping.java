package org.sencrm.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.SearchText;

/**
 * Which column fills which field, guessed from the column names: a column whose name, folded (no
 * accents, no case, no spaces or punctuation), is one of a field's Vietnamese or English names or its
 * key maps to it; the first such column wins. "Họ và tên", "HO VA TEN" and "ho_va_ten" all read the same.
 */
final class ColumnMapping {

	private ColumnMapping() {
	}

	static Map<String, String> guess(List<String> header, List<ImportField> fields) {
		var byName = new LinkedHashMap<String, String>();
		var many = fields.stream().filter(ImportField::many).map(ImportField::key).toList();
		for (var field : fields) {
			byName.putIfAbsent(key(field.key()), field.key());
			field.names().forEach(name -> byName.putIfAbsent(key(name), field.key()));
		}
		var mapping = new LinkedHashMap<String, String>();
		for (var column : header) {
			var field = byName.get(key(column));
			if (field == null) {
				// "Email 2", "Điện thoại 3": another column of a field that takes several
				field = byName.get(key(column).replaceAll("[0-9]+$", ""));
				field = many.contains(field) ? field : null;
			}
			if (field != null && (!mapping.containsValue(field) || many.contains(field))) {
				mapping.put(column, field);
			}
		}
		return mapping;
	}

	static String key(String name) {
		return SearchText.fold(name).replaceAll("[^a-z0-9]", "");
	}
}
