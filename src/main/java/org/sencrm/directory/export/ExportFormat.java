package org.sencrm.directory.export;

import java.util.Locale;

import org.sencrm.platform.ValidationException;

/** The file types a list exports to: CSV (UTF-8 with a byte order mark), Excel and, for persons, vCard 4.0. */
enum ExportFormat {

	CSV("csv", "text/csv;charset=UTF-8"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	VCF("vcf", "text/vcard;charset=UTF-8");

	final String key;
	final String contentType;

	ExportFormat(String key, String contentType) {
		this.key = key;
		this.contentType = contentType;
	}

	/** The format a request names, CSV when it names none; another value is a 422 on {@code format}. */
	static ExportFormat of(String text) {
		if (text == null || text.isBlank()) {
			return CSV;
		}
		for (var format : values()) {
			if (format.key.equals(text.strip().toLowerCase(Locale.ROOT))) {
				return format;
			}
		}
		throw new ValidationException(java.util.List.of(new ValidationException.FieldProblem("format", "validation.choice")));
	}

	String fileName(String kind) {
		return kind + "." + key;
	}
}
