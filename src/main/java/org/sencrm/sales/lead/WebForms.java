package org.sencrm.sales.lead;

import java.time.Clock;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's web forms. A form's key reads {@code wf_<workspace id in hex><secret>}: the
 * public intake finds the form inside its workspace (row-level security holds) without a lookup
 * across tenants, and the 144-bit secret makes keys unguessable.
 */
@Service
public class WebForms {

	static final String ENTITY = "web_form";
	private static final String PREFIX = "wf_";
	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final LeadAccess access;
	private final History history;
	private final Clock clock;

	WebForms(JdbcClient jdbc, JsonMapper json, LeadAccess access, History history, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.history = history;
		this.clock = clock;
	}

	/** The workspace a key belongs to, if the key is well formed. */
	static Optional<UUID> workspaceOf(String key) {
		if (key == null || !key.startsWith(PREFIX) || key.length() != PREFIX.length() + 32 + 24) {
			return Optional.empty();
		}
		var hex = key.substring(PREFIX.length(), PREFIX.length() + 32);
		try {
			return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
					+ hex.substring(16, 20) + "-" + hex.substring(20)));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	@Transactional(readOnly = true)
	public List<WebForm> all() {
		return jdbc.sql("select * from web_forms where workspace_id = :ws order by name, id")
				.param("ws", WorkspaceContext.workspaceId()).query(this::form).list();
	}

	@Transactional(readOnly = true)
	public WebForm get(UUID id) {
		return jdbc.sql("select * from web_forms where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::form).optional()
				.orElseThrow(() -> new NotFoundException("entity.web-form"));
	}

	/** The active form with this key in the current workspace (the public intake binds the key's workspace first). */
	@Transactional(readOnly = true)
	Optional<WebForm> activeByKey(String key) {
		return jdbc.sql("select * from web_forms where workspace_id = :ws and form_key = :key and active")
				.param("ws", WorkspaceContext.workspaceId()).param("key", key).query(this::form).optional();
	}

	@Transactional
	public WebForm create(WebFormDraft draft) {
		access.requireForms();
		var now = Instant.now(clock);
		var form = checked(Ids.next(), newKey(), draft, now, now, 0);
		jdbc.sql("""
				insert into web_forms (id, workspace_id, name, form_key, fields, consent_text, consent_channels, consent_required,
				  double_opt_in, thank_you, redirect_url, default_source, default_campaign, allowed_origins, language, active,
				  created_at, updated_at)
				values (:id, :ws, :name, :key, cast(:fields as jsonb), :consentText, :channels, :consentRequired, :doubleOptIn,
				  :thankYou, :redirectUrl, :source, :campaign, :origins, :language, :active, :now, :now)""")
				.params(columns(form)).param("now", Timestamp.from(now)).update();
		history.created(ENTITY, form.id(), values(form));
		return get(form.id());
	}

	@Transactional
	public WebForm update(UUID id, WebFormDraft draft, int expectedVersion) {
		access.requireForms();
		var current = get(id);
		var form = checked(id, current.key(), draft, current.createdAt(), Instant.now(clock), expectedVersion + 1);
		var updated = jdbc.sql("""
				update web_forms set name = :name, fields = cast(:fields as jsonb), consent_text = :consentText,
				  consent_channels = :channels, consent_required = :consentRequired, double_opt_in = :doubleOptIn, thank_you = :thankYou,
				  redirect_url = :redirectUrl, default_source = :source, default_campaign = :campaign, allowed_origins = :origins,
				  language = :language, active = :active, updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.params(columns(form)).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		history.updated(ENTITY, id, values(current), values(form));
		return get(id);
	}

	/** A new key: the old address stops working (embedded forms must be pasted again). */
	@Transactional
	public WebForm newKey(UUID id) {
		access.requireForms();
		var current = get(id);
		jdbc.sql("update web_forms set form_key = :key, updated_at = now(), version = version + 1 where workspace_id = :ws and id = :id")
				.param("key", newKey()).param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		history.updated(ENTITY, id, Map.of("key", "…"), Map.of("key", "new"));
		return get(current.id());
	}

	@Transactional
	public void delete(UUID id) {
		access.requireForms();
		var current = get(id);
		jdbc.sql("delete from web_forms where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		history.deleted(ENTITY, id, values(current));
	}

	private String newKey() {
		var secret = new byte[18];
		random.nextBytes(secret);
		return PREFIX + WorkspaceContext.workspaceId().toString().replace("-", "")
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	private WebForm checked(UUID id, String key, WebFormDraft draft, Instant created, Instant updated, int version) {
		var problems = new ValidationException.Collector();
		var name = LeadFields.text(draft.name(), "name", 200, problems);
		if (name == null) {
			problems.add("name", "validation.required");
		}
		var fields = new ArrayList<WebForm.Field>();
		var given = draft.fields() == null ? List.<WebForm.Field>of() : draft.fields();
		for (int i = 0; i < given.size(); i++) {
			var field = given.get(i);
			if (field == null || !Lead.FIELDS.contains(field.name())) {
				problems.add("fields[" + i + "].name", "validation.choice");
			} else if (fields.stream().noneMatch(f -> f.name().equals(field.name()))) {
				fields.add(new WebForm.Field(field.name(), field.required()));
			}
		}
		if (fields.isEmpty() && problems.isEmpty()) {
			problems.add("fields", "validation.form-fields");
		}
		var channels = draft.consentChannels() == null ? List.<String>of() : draft.consentChannels().stream().distinct().toList();
		if (!Lead.CONSENT_CHANNELS.containsAll(channels)) {
			problems.add("consentChannels", "validation.choice");
		}
		var consentText = LeadFields.text(draft.consentText(), "consentText", 2000, problems);
		if (consentText != null && channels.isEmpty()) {
			problems.add("consentChannels", "validation.consent-channels");
		}
		var consentRequired = Boolean.TRUE.equals(draft.consentRequired()) && consentText != null;
		var doubleOptIn = Boolean.TRUE.equals(draft.doubleOptIn());
		if (doubleOptIn && (consentText == null || !channels.contains("email")
				|| fields.stream().noneMatch(f -> f.name().equals("email")))) {
			problems.add("doubleOptIn", "validation.double-opt-in");
		}
		var redirect = LeadFields.text(draft.redirectUrl(), "redirectUrl", 500, problems);
		if (redirect != null && !webAddress(redirect)) {
			problems.add("redirectUrl", "validation.website");
		}
		var source = LeadFields.blankToNull(draft.defaultSource()) == null ? "web_form" : draft.defaultSource().strip();
		if (!Lead.SOURCES.contains(source)) {
			problems.add("defaultSource", "validation.choice");
		}
		var origins = new ArrayList<String>();
		var givenOrigins = draft.allowedOrigins() == null ? List.<String>of() : draft.allowedOrigins();
		for (int i = 0; i < givenOrigins.size(); i++) {
			var origin = origin(givenOrigins.get(i));
			if (origin == null) {
				problems.add("allowedOrigins[" + i + "]", "validation.origin");
			} else if (!origins.contains(origin)) {
				origins.add(origin);
			}
		}
		var language = LeadFields.blankToNull(draft.language()) == null ? "vi" : draft.language().strip();
		if (!List.of("vi", "en").contains(language)) {
			problems.add("language", "validation.choice");
		}
		var campaign = LeadFields.text(draft.defaultCampaign(), "defaultCampaign", 100, problems);
		var thankYou = LeadFields.text(draft.thankYou(), "thankYou", 2000, problems);
		problems.throwIfAny();
		return new WebForm(id, name, key, fields, consentText, channels, consentRequired, doubleOptIn, thankYou, redirect, source,
				campaign,
				origins, language, draft.active() == null || draft.active(), created, updated, version);
	}

	/** "https://shop.example.vn/" and "HTTPS://Shop.example.vn" are both the origin "https://shop.example.vn". */
	static String origin(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			var uri = URI.create(text.strip());
			if (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
					|| uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/") || uri.getQuery() != null) {
				return null;
			}
			return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
					+ (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean webAddress(String text) {
		try {
			var uri = URI.create(text);
			return List.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null;
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	private Map<String, Object> columns(WebForm f) {
		var params = new java.util.HashMap<String, Object>();
		params.put("id", f.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("name", f.name());
		params.put("key", f.key());
		params.put("fields", json.writeValueAsString(f.fields()));
		params.put("consentText", f.consentText());
		params.put("channels", f.consentChannels().toArray(String[]::new));
		params.put("consentRequired", f.consentRequired());
		params.put("doubleOptIn", f.doubleOptIn());
		params.put("thankYou", f.thankYou());
		params.put("redirectUrl", f.redirectUrl());
		params.put("source", f.defaultSource());
		params.put("campaign", f.defaultCampaign());
		params.put("origins", f.allowedOrigins().toArray(String[]::new));
		params.put("language", f.language());
		params.put("active", f.active());
		return params;
	}

	private static Map<String, Object> values(WebForm f) {
		var values = new LinkedHashMap<String, Object>();
		values.put("name", f.name());
		values.put("fields", f.fields().stream().map(x -> x.name() + (x.required() ? "*" : "")).toList());
		values.put("consentText", f.consentText());
		values.put("consentChannels", f.consentChannels());
		values.put("doubleOptIn", f.doubleOptIn());
		values.put("thankYou", f.thankYou());
		values.put("redirectUrl", f.redirectUrl());
		values.put("defaultSource", f.defaultSource());
		values.put("defaultCampaign", f.defaultCampaign());
		values.put("allowedOrigins", f.allowedOrigins());
		values.put("language", f.language());
		values.put("active", f.active());
		values.values().removeIf(v -> v == null);
		return values;
	}

	private WebForm form(ResultSet rs, int row) throws SQLException {
		return new WebForm(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("form_key"),
				json.readValue(rs.getString("fields"), new TypeReference<List<WebForm.Field>>() {
				}),
				rs.getString("consent_text"), List.of((String[]) rs.getArray("consent_channels").getArray()),
				rs.getBoolean("consent_required"), rs.getBoolean("double_opt_in"), rs.getString("thank_you"), rs.getString("redirect_url"),
				rs.getString("default_source"), rs.getString("default_campaign"),
				List.of((String[]) rs.getArray("allowed_origins").getArray()), rs.getString("language"), rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
