package org.sencrm.sales.lead;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leads from a CSV file (UTF-8, comma, semicolon or tab separated, first row the column names in
 * Vietnamese or English). Each row becomes a lead as if entered by the importing user — checked,
 * assigned, scored — or is reported with its row number (as a spreadsheet numbers it, the column
 * names being row 1) and every problem. Rows are all-or-nothing each (a savepoint per row, in one
 * transaction for the file); valid rows are imported whatever the others do.
 */
@Service
public class LeadImport {

	public record Failure(int row, List<ValidationException.FieldProblem> problems) {
	}

	public record Result(int imported, List<Failure> failed, Map<String, String> columns, List<String> ignoredColumns) {
	}

	public static final int MAX_ROWS = 10_000;
	private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x", "co", "dong y", "granted");

	/** Column names (folded: no accents, lower case) and the lead field each fills. */
	private static final Map<String, String> COLUMNS = columns();

	private final Leads leads;
	private final LeadAccess access;
	private final TransactionTemplate file;
	private final TransactionTemplate row;
	private final JdbcClient jdbc;

	LeadImport(Leads leads, LeadAccess access, PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.leads = leads;
		this.access = access;
		this.jdbc = jdbc;
		this.file = new TransactionTemplate(transactions);
		this.row = new TransactionTemplate(transactions);
		this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public Result importCsv(Reader reader, String campaign, String fileName) throws IOException {
		access.requireWrite();
		var text = new StringBuilder();
		var buffer = new char[8192];
		for (int n; (n = reader.read(buffer)) > 0; ) {
			text.append(buffer, 0, n);
		}
		var content = text.length() > 0 && text.charAt(0) == '\uFEFF' ? text.substring(1) : text.toString();
		var firstLine = content.lines().findFirst().orElse("");
		var delimiter = delimiter(firstLine);
		var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
		try (var parser = format.parse(new StringReader(content))) {
			var mapping = new LinkedHashMap<String, String>();
			var ignored = new ArrayList<String>();
			for (var header : parser.getHeaderNames()) {
				var field = COLUMNS.get(fold(header));
				if (field != null && !mapping.containsValue(field)) {
					mapping.put(header, field);
				} else if (!header.isBlank()) {
					ignored.add(header);
				}
			}
			if (!mapping.containsValue("email") && !mapping.containsValue("phone") && !mapping.containsValue("givenName")
					&& !mapping.containsValue("familyName") && !mapping.containsValue("fullName") && !mapping.containsValue("companyName")) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "validation.import-columns")));
			}
			var records = parser.getRecords();
			if (records.size() > MAX_ROWS) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "validation.import-rows", MAX_ROWS)));
			}
			var failed = new ArrayList<Failure>();
			var imported = file.execute(status -> {
				// The file's rows are checked against the leads written before them in this same
				// transaction; plans cached while the table was small would go on reading all of it.
				jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
				int count = 0;
				for (var record : records) {
					var values = values(record, mapping);
					if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
						continue;
					}
					var rowNumber = (int) record.getRecordNumber() + 1;
					try {
						row.executeWithoutResult(s -> leads.create(draft(values, campaign, fileName), "import"));
						count++;
					} catch (ValidationException e) {
						failed.add(new Failure(rowNumber, e.problems()));
					}
				}
				return count;
			});
			return new Result(imported == null ? 0 : imported, failed, mapping, ignored);
		}
	}

	private static Map<String, String> values(CSVRecord record, Map<String, String> mapping) {
		var values = new HashMap<String, String>();
		mapping.forEach((header, field) -> values.put(field, record.isMapped(header) && record.isSet(header) ? record.get(header) : null));
		return values;
	}

	private static LeadDraft draft(Map<String, String> v, String campaign, String fileName) {
		var family = v.get("familyName");
		var given = v.get("givenName");
		var full = v.get("fullName");
		if (full != null && !full.isBlank() && family == null && given == null) {
			var words = full.strip().split("\\s+");
			// Vietnamese order: family name first, given name (with middle names) after
			family = words.length > 1 ? words[0] : null;
			given = words.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)) : words[0];
		}
		var fullEnglish = v.get("fullNameGivenFirst");
		if (fullEnglish != null && !fullEnglish.isBlank() && family == null && given == null) {
			var words = fullEnglish.strip().split("\\s+");
			given = words.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - 1)) : words[0];
			family = words.length > 1 ? words[words.length - 1] : null;
		}
		var consents = new LinkedHashMap<String, LeadConsent>();
		var note = fileName == null || fileName.isBlank() ? null : fileName.strip();
		for (var channel : Lead.CONSENT_CHANNELS) {
			var value = v.get("consent." + channel);
			if (value != null && YES.contains(fold(value))) {
				consents.put(channel, new LeadConsent("granted", null, "import", note, null, null));
			}
		}
		var rowCampaign = v.get("campaign") != null && !v.get("campaign").isBlank() ? v.get("campaign") : campaign;
		var source = v.get("source") == null || v.get("source").isBlank() ? "import" : v.get("source").strip().toLowerCase(Locale.ROOT);
		return new LeadDraft(family, given, v.get("email"), v.get("phone"), v.get("companyName"), v.get("taxCode"),
				v.get("jobTitle"), v.get("province"), v.get("message"), source, rowCampaign, consents, null, null, null);
	}

	private static char delimiter(String header) {
		var semicolons = header.chars().filter(c -> c == ';').count();
		var tabs = header.chars().filter(c -> c == '\t').count();
		var commas = header.chars().filter(c -> c == ',').count();
		return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
	}

	private static String fold(String text) {
		return SearchText.fold(text).replaceAll("[^a-z0-9. ]", " ").replaceAll("\\s+", " ").strip();
	}

	private static Map<String, String> columns() {
		var map = new HashMap<String, String>();
		put(map, "familyName", "family name", "last name", "surname", "ho", "ho dem");
		put(map, "givenName", "given name", "first name", "ten", "ten goi");
		put(map, "fullName", "ho va ten", "ho ten", "ten day du");
		put(map, "fullNameGivenFirst", "name", "full name", "contact name", "contact");
		put(map, "email", "email", "e mail", "email address", "thu dien tu", "dia chi email");
		put(map, "phone", "phone", "phone number", "mobile", "telephone", "tel", "so dien thoai", "dien thoai", "sdt", "di dong");
		put(map, "companyName", "company", "company name", "organization", "organisation", "cong ty", "ten cong ty", "doanh nghiep",
				"to chuc");
		put(map, "taxCode", "tax code", "tax id", "vat", "vat number", "ma so thue", "mst");
		put(map, "jobTitle", "job title", "title", "position", "chuc vu", "chuc danh");
		put(map, "province", "province", "region", "state", "city", "tinh", "tinh thanh", "tinh thanh pho", "thanh pho", "khu vuc");
		put(map, "message", "message", "note", "notes", "comment", "loi nhan", "ghi chu", "noi dung");
		put(map, "source", "source", "nguon");
		put(map, "campaign", "campaign", "chien dich");
		put(map, "consent.email", "email consent", "consent email", "dong y email", "dong y nhan email");
		put(map, "consent.sms", "sms consent", "consent sms", "dong y sms", "dong y nhan sms");
		put(map, "consent.phone", "phone consent", "consent phone", "dong y goi dien", "dong y dien thoai");
		return Map.copyOf(map);
	}

	private static void put(Map<String, String> map, String field, String... names) {
		for (var name : names) {
			map.put(name, field);
		}
	}
}
