package org.sencrm.sales.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sencrm.directory.CustomerIntake;
import org.sencrm.directory.NameOrder;
import org.sencrm.exchange.ImportCounts;
import org.sencrm.exchange.ImportField;
import org.sencrm.exchange.ImportKind;
import org.sencrm.exchange.ImportOptions.MatchKey;
import org.sencrm.exchange.ImportOwners;
import org.sencrm.exchange.ImportRun;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leads as an importable kind (decisions 30, 37): a row is a lead as a user would enter it — names
 * (or a full name in Vietnamese or English order), email, phone (stored in E.164), company, tax
 * code, job title, province, message, source, campaign, consent per channel, owner, and the key in
 * the source system — checked by {@link LeadFields} as the form checks it and scored by the
 * workspace's rules while the file streams (a new lead's score depends on its fields only). Matched
 * by external id, email or phone; written set-based by {@link LeadImportWrites}, where the
 * assignment rules give owners.
 */
@Component
class LeadImportKind implements ImportKind {

	static final Map<String, String> STAGING = staging();
	private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x", "co", "dong y", "granted");
	/** Without one of these a row cannot be a lead: the file is refused whole. */
	private static final Set<String> IDENTITY = Set.of("email", "phone", "givenName", "familyName", "fullName", "fullNameGivenFirst",
			"companyName");

	private final ScoringRules scoring;
	private final ImportOwners owners;
	private final LeadImportWrites writes;
	private final JsonMapper json;
	private final Clock clock;

	LeadImportKind(ScoringRules scoring, ImportOwners owners, LeadImportWrites writes, JsonMapper json, Clock clock) {
		this.scoring = scoring;
		this.owners = owners;
		this.writes = writes;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "leads";
	}

	@Override
	public String entityType() {
		return Leads.ENTITY;
	}

	@Override
	public List<ImportField> fields() {
		return List.of(
				ImportField.of("externalId", "Mã ngoài", "Mã hệ thống cũ", "External ID"),
				// Vietnamese order: family name first, given name (with middle names) after
				ImportField.of("fullName", "Họ và tên", "Họ tên", "Tên đầy đủ"),
				ImportField.of("fullNameGivenFirst", "Name", "Full name", "Contact name", "Contact"),
				ImportField.of("familyName", "Họ", "Họ đệm", "Family name", "Last name", "Surname"),
				ImportField.of("givenName", "Tên", "Tên gọi", "Given name", "First name"),
				ImportField.of("email", "Email", "E-mail", "Email address", "Thư điện tử", "Địa chỉ email"),
				ImportField.of("phone", "Số điện thoại", "Điện thoại", "SĐT", "Di động", "Phone", "Phone number", "Mobile", "Telephone",
						"Tel"),
				ImportField.of("companyName", "Công ty", "Tên công ty", "Doanh nghiệp", "Tổ chức", "Company", "Company name",
						"Organization", "Organisation"),
				ImportField.of("taxCode", "Mã số thuế", "MST", "Tax code", "Tax ID", "VAT", "VAT number"),
				ImportField.of("jobTitle", "Chức vụ", "Chức danh", "Job title", "Title", "Position"),
				ImportField.of("province", "Tỉnh", "Tỉnh/Thành", "Tỉnh thành", "Tỉnh/Thành phố", "Thành phố", "Khu vực", "Province",
						"Region", "State", "City"),
				ImportField.of("message", "Lời nhắn", "Ghi chú", "Nội dung", "Message", "Note", "Notes", "Comment"),
				ImportField.of("source", "Nguồn", "Source"),
				ImportField.of("campaign", "Chiến dịch", "Campaign"),
				ImportField.of("consent.email", "Đồng ý email", "Đồng ý nhận email", "Email consent", "Consent email"),
				ImportField.of("consent.sms", "Đồng ý SMS", "Đồng ý nhận SMS", "SMS consent", "Consent SMS"),
				ImportField.of("consent.phone", "Đồng ý gọi điện", "Đồng ý điện thoại", "Phone consent", "Consent phone"),
				ImportOwners.FIELD);
	}

	@Override
	public Set<MatchKey> matchKeys() {
		return Set.of(MatchKey.EXTERNAL_ID, MatchKey.EMAIL, MatchKey.PHONE);
	}

	@Override
	public Map<String, String> stagingColumns() {
		return STAGING;
	}

	private static Map<String, String> staging() {
		var c = new LinkedHashMap<String, String>();
		for (var text : List.of("external_id", "family_name", "given_name", "email", "phone", "company_name", "tax_code", "job_title",
				"province", "message", "source", "campaign")) {
			c.put(text, "text");
		}
		c.put("consents", "jsonb");
		c.put("owner_id", "uuid");
		c.put("owner_team_id", "uuid");
		c.put("score", "int");
		c.put("name_key", "text");
		c.put("company_key", "text");
		// folded as the assignment rules compare them
		c.put("source_key", "text");
		c.put("province_key", "text");
		c.put("campaign_key", "text");
		return Collections.unmodifiableMap(c);
	}

	@Override
	public void checkMapping(Collection<String> fields) {
		if (fields.stream().noneMatch(IDENTITY::contains)) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "validation.import-columns")));
		}
	}

	@Override
	public Stager stager() {
		return stager(null);
	}

	@Override
	public Stager stager(String fileName) {
		var rules = scoring.current();
		var owner = owners.resolver();
		var now = Instant.now(clock);
		var note = fileName == null || fileName.isBlank() ? null : fileName.strip();
		return (row, problems) -> stage(row, problems, rules, owner, now, note);
	}

	private Map<String, Object> stage(Map<String, String> row, ValidationException.Collector problems, List<ScoringRule> rules,
			ImportOwners.Resolver owners, Instant now, String note) {
		var draft = draft(row, note);
		var clean = LeadFields.check(draft, "import", now, problems);
		var ownerId = owners.owner(row.get("owner"), problems);
		var externalId = ImportField.externalId(row, problems);
		if (!problems.isEmpty()) {
			return Map.of();
		}
		var lead = new Lead(null, Lead.NEW, clean.familyName(), clean.givenName(), clean.email(), clean.phone(), clean.companyName(),
				clean.taxCode(), clean.jobTitle(), clean.province(), clean.message(), clean.source(), clean.campaign(),
				clean.consents(), null, null, ownerId, null, 0, null, null, null, null, null, null, null, 0, null, 0, now, now, 0);
		var values = new HashMap<String, Object>();
		values.put("external_id", externalId);
		values.put("family_name", lead.familyName());
		values.put("given_name", lead.givenName());
		values.put("email", lead.email());
		values.put("phone", lead.phone());
		values.put("company_name", lead.companyName());
		values.put("tax_code", lead.taxCode());
		values.put("job_title", lead.jobTitle());
		values.put("province", lead.province());
		values.put("message", lead.message());
		values.put("source", lead.source());
		values.put("campaign", lead.campaign());
		values.put("consents", json.writeValueAsString(lead.consents()));
		values.put("owner_id", ownerId);
		values.put("score", ScoringRule.score(lead, rules, now));
		values.put("name_key", CustomerIntake.nameKey(lead.personName(NameOrder.FAMILY_FIRST)));
		values.put("company_key", CustomerIntake.companyKey(lead.companyName()));
		values.put("source_key", SearchText.fold(lead.source()));
		values.put("province_key", lead.province() == null ? null : SearchText.fold(lead.province()));
		values.put("campaign_key", lead.campaign() == null ? null : SearchText.fold(lead.campaign()));
		return values;
	}

	/** A row as the lead form would submit it: a full name split, consents granted by a yes in their column. */
	private static LeadDraft draft(Map<String, String> v, String note) {
		var family = v.get("familyName");
		var given = v.get("givenName");
		var full = v.get("fullName");
		if (full != null && family == null && given == null) {
			var words = full.strip().split("\\s+");
			family = words.length > 1 ? words[0] : null;
			given = words.length > 1 ? String.join(" ", Arrays.copyOfRange(words, 1, words.length)) : words[0];
		}
		var fullEnglish = v.get("fullNameGivenFirst");
		if (fullEnglish != null && family == null && given == null) {
			var words = fullEnglish.strip().split("\\s+");
			given = words.length > 1 ? String.join(" ", Arrays.copyOfRange(words, 0, words.length - 1)) : words[0];
			family = words.length > 1 ? words[words.length - 1] : null;
		}
		var consents = new LinkedHashMap<String, LeadConsent>();
		for (var channel : Lead.CONSENT_CHANNELS) {
			var value = v.get("consent." + channel);
			if (value != null && YES.contains(SearchText.fold(value).replaceAll("[^a-z0-9 ]", " ").strip())) {
				consents.put(channel, new LeadConsent("granted", null, "import", note, null, null));
			}
		}
		var source = v.get("source") == null ? null : v.get("source").strip().toLowerCase(java.util.Locale.ROOT);
		return new LeadDraft(family, given, v.get("email"), v.get("phone"), v.get("companyName"), v.get("taxCode"), v.get("jobTitle"),
				v.get("province"), v.get("message"), source, v.get("campaign"), consents, null, null, null);
	}

	@Override
	public ImportCounts apply(ImportRun run) {
		return writes.apply(run);
	}

	@Override
	public int undo(ImportRun run) {
		return writes.undo(run);
	}
}
