package org.sencrm.sales.lead;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.exchange.ImmediateImports;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.ValidationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The lead import that answers with its result ({@code POST /api/v1/leads/import}, the Leads › Import
 * page): a CSV, Excel or vCard file imported as leads by the import engine ({@link LeadImportKind},
 * decision 37) in the request's thread — every row created as if entered by the user, duplicates
 * allowed as before, rows already there skipped — with its failed rows by number (as a spreadsheet
 * numbers them, the column names being row 1) and every problem. No cap on rows: the engine writes
 * set-based. The import is also an ordinary one: listed under Imports, its errors file, its undo.
 */
@Service
public class LeadImport {

	public record Failure(int row, List<ValidationException.FieldProblem> problems) {
	}

	public record Result(UUID importId, int imported, List<Failure> failed, Map<String, String> columns, List<String> ignoredColumns) {
	}

	private final ImmediateImports imports;
	private final LeadAccess access;

	LeadImport(ImmediateImports imports, LeadAccess access) {
		this.imports = imports;
		this.access = access;
	}

	/** Imports the file; {@code campaign} is the campaign of rows without one; {@code fileName} defaults to a CSV's. */
	public Result importFile(InputStream content, String campaign, String fileName) {
		access.requireWrite();
		var name = fileName == null || fileName.isBlank() ? "leads.csv" : fileName;
		var defaults = campaign == null || campaign.isBlank() ? Map.<String, String>of() : Map.of("campaign", campaign);
		var result = imports.run("leads", name, content, defaults, true, LocaleContextHolder.getLocale().toLanguageTag());
		if (result.status().equals("failed")) {
			throw new DomainException(result.error() == null ? "import.failed.unexpected" : result.error());
		}
		var ignored = result.columns().stream().filter(c -> !c.isBlank() && !result.mapping().containsKey(c)).toList();
		return new Result(result.importId(), result.created(),
				result.failed().stream().map(f -> new Failure(f.row(), f.problems())).toList(), result.mapping(), ignored);
	}
}
