package org.sencrm.sales.lead;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.Consents;
import org.sencrm.directory.CustomerIntake;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.WorkspaceEvent;
import org.sencrm.timeline.AutomatedEmails;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Double opt-in: a web form that asks for it records a lead's email consent as pending and, once
 * the lead is stored, emails the address a link that works once for {@link #VALID} days. Following
 * it (and pressing the button on the page — mail scanners open links, people press buttons) records
 * the consent as granted, by the double opt-in, at the server's time; on the person the lead became,
 * too. Only a SHA-256 of the token is kept. Decision 26.
 */
@Service
class ConsentConfirmations {

	/** A confirmation was asked for: sent after the lead's transaction commits ({@link ConsentConfirmationMail}). */
	record Requested(UUID workspaceId, UUID leadId, UUID webFormId, String linkBase) implements WorkspaceEvent {
	}

	enum Outcome { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, UNKNOWN }

	/** What a token opens: the lead's address and the language and name of the form that asked. */
	record Pending(UUID leadId, String address, Locale locale, String formName, boolean confirmed, boolean expired) {
	}

	static final Duration VALID = Duration.ofDays(7);
	static final String PREFIX = "dc_";
	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;
	private final LeadRepository leads;
	private final ScoringRules scoring;
	private final WebForms forms;
	private final CustomerIntake directory;
	private final AutomatedEmails emails;
	private final UserDirectory users;
	private final History history;
	private final MessageSource messages;
	private final TransactionTemplate transactions;
	private final TransactionTemplate separately;
	private final Clock clock;

	ConsentConfirmations(JdbcClient jdbc, LeadRepository leads, ScoringRules scoring, WebForms forms, CustomerIntake directory,
			AutomatedEmails emails, UserDirectory users, History history, MessageSource messages,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.scoring = scoring;
		this.forms = forms;
		this.directory = directory;
		this.emails = emails;
		this.users = users;
		this.history = history;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Makes a token for the lead's pending email consent and commits it, then emails its link, the
	 * mail server spoken to last, and marks it sent in the caller's transaction: the link works the
	 * moment it arrives, and a server that refuses leaves an unsent token (it expires) and fails the
	 * delivery, which is retried (decision 25). Safe to run twice: a lead whose sent link still works
	 * gets no second one.
	 */
	@org.springframework.transaction.annotation.Transactional
	void send(Requested requested) {
		var lead = leads.find(requested.leadId()).orElse(null);
		if (lead == null || lead.email() == null || !pending(lead) || hasSentLink(lead.id())) {
			return;
		}
		var secret = new byte[32];
		random.nextBytes(secret);
		var token = PREFIX + WorkspaceContext.workspaceId().toString().replace("-", "")
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		var id = Ids.next();
		separately.executeWithoutResult(status -> jdbc.sql("""
				insert into consent_confirmations (id, workspace_id, lead_id, channel, address, token_hash, expires_at)
				values (:id, :ws, :lead, 'email', :address, :hash, :expires)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("lead", lead.id())
				.param("address", lead.email()).param("hash", sha256(token))
				.param("expires", Timestamp.from(Instant.now(clock).plus(VALID))).update());
		var locale = formOf(requested.webFormId()).map(f -> Locale.forLanguageTag(f.language())).orElse(Locale.forLanguageTag("vi"));
		var url = requested.linkBase() + "/public/consent/" + token;
		var sender = users.workspace().name();
		var body = messages.getMessage("consent.confirm.email.body", new Object[] {HtmlUtils.htmlEscape(sender),
				HtmlUtils.htmlEscape(url), VALID.toDays()}, locale);
		emails.send(new AutomatedEmails.Message(lead.email(), messages.getMessage("consent.confirm.email.subject",
				new Object[] {sender}, locale), body, sender, Leads.RECORD_TYPE, lead.id()));
		jdbc.sql("update consent_confirmations set sent_at = :now where workspace_id = :ws and id = :id")
				.param("now", Timestamp.from(Instant.now(clock))).param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.update();
	}

	/** A link was sent to the lead and still works (unused, unexpired). */
	private boolean hasSentLink(UUID leadId) {
		return jdbc.sql("""
				select exists (select 1 from consent_confirmations
				where workspace_id = :ws and lead_id = :lead and sent_at is not null and confirmed_at is null and expires_at > :now)""")
				.param("ws", WorkspaceContext.workspaceId()).param("lead", leadId).param("now", Timestamp.from(Instant.now(clock)))
				.query(Boolean.class).single();
	}

	/** The confirmation a token opens, if the token is one of ours; the caller binds the token's workspace first. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	Optional<Pending> find(String token) {
		return jdbc.sql("""
				select c.lead_id, c.address, c.confirmed_at, c.expires_at, f.language, f.name
				from consent_confirmations c
				  left join leads l on l.workspace_id = c.workspace_id and l.id = c.lead_id
				  left join web_forms f on f.workspace_id = c.workspace_id and f.id = l.web_form_id
				where c.workspace_id = :ws and c.token_hash = :hash""")
				.param("ws", WorkspaceContext.workspaceId()).param("hash", sha256(token))
				.query((rs, n) -> new Pending(rs.getObject("lead_id", UUID.class), rs.getString("address"),
						Locale.forLanguageTag(rs.getString("language") == null ? "vi" : rs.getString("language")),
						rs.getString("name"), rs.getTimestamp("confirmed_at") != null,
						!rs.getTimestamp("expires_at").toInstant().isAfter(Instant.now(clock))))
				.optional();
	}

	/**
	 * Uses the token once: the lead's email consent becomes granted by double opt-in, now (and the
	 * person's the lead became, if it was converted). A used, expired or unknown token changes nothing.
	 */
	Outcome confirm(String token) {
		return transactions.execute(status -> {
			var found = find(token);
			if (found.isEmpty()) {
				return Outcome.UNKNOWN;
			}
			var now = Instant.now(clock);
			var used = jdbc.sql("""
					update consent_confirmations set confirmed_at = :now
					where workspace_id = :ws and token_hash = :hash and confirmed_at is null and expires_at > :now
					returning lead_id""")
					.param("now", Timestamp.from(now)).param("ws", WorkspaceContext.workspaceId()).param("hash", sha256(token))
					.query(UUID.class).optional();
			if (used.isEmpty()) {
				return found.get().confirmed() ? Outcome.ALREADY_CONFIRMED : Outcome.EXPIRED;
			}
			var lead = leads.find(used.get()).orElse(null);
			if (lead == null || !found.get().address().equalsIgnoreCase(String.valueOf(lead.email()))) {
				// the lead is gone or its address changed since: this link confirms nothing any more
				return Outcome.UNKNOWN;
			}
			var actor = new WorkspaceContext.Scope(WorkspaceContext.workspaceId(), null,
					found.get().formName() == null ? Consents.DOUBLE_OPT_IN : found.get().formName());
			WorkspaceContext.callAs(actor, () -> {
				grant(lead, now);
				return null;
			});
			return Outcome.CONFIRMED;
		});
	}

	private void grant(Lead lead, Instant now) {
		var before = lead.consents().get("email");
		var consents = new LinkedHashMap<String, LeadConsent>(lead.consents());
		var granted = new LeadConsent(Consents.GRANTED, now, Consents.DOUBLE_OPT_IN, before == null ? null : before.note(), null,
				null);
		consents.put("email", granted);
		leads.consents(lead.id(), consents);
		var changed = leads.find(lead.id()).orElseThrow();
		leads.score(lead.id(), scoring.scoreOf(changed));
		history.updated(Leads.ENTITY, lead.id(), consentValues(before), consentValues(granted));
		if (lead.convertedPersonId() != null) {
			directory.recordConsents(lead.convertedPersonId(), Map.of("email", new CustomerIntake.ConsentGiven(granted.status(),
					granted.at(), granted.method(), granted.note(), null, null)));
		}
	}

	private static Map<String, Object> consentValues(LeadConsent consent) {
		var values = new LinkedHashMap<String, Object>();
		values.put("consent.email", consent == null ? null : consent.status());
		values.put("consent.email.method", consent == null ? null : consent.method());
		return values;
	}

	private static boolean pending(Lead lead) {
		var consent = lead.consents().get("email");
		return consent != null && Consents.PENDING.equals(consent.status());
	}

	private Optional<WebForm> formOf(UUID formId) {
		if (formId == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(forms.get(formId));
		} catch (org.sencrm.platform.NotFoundException gone) {
			return Optional.empty();
		}
	}

	/** The workspace a token belongs to, if the token is well formed (as web form keys carry theirs). */
	static Optional<UUID> workspaceOf(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 32 + 43) {
			return Optional.empty();
		}
		var hex = token.substring(PREFIX.length(), PREFIX.length() + 32);
		try {
			return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
					+ hex.substring(16, 20) + "-" + hex.substring(20)));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
