package org.sencrm.directory;

import java.time.Clock;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.organization.OrganizationDraft;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.person.PersonDraft;
import org.sencrm.directory.person.PersonService;
import org.sencrm.directory.search.CustomerSearch;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bringing a contact from outside into the directory (a lead from a web form, an import): who it
 * may already be — persons and organizations with the same email, phone or tax code, or a
 * similar name — and creating or completing customers from it. Lookups go through the search
 * terms and b-tree indexes (decision 6), so they stay fast under row-level security.
 */
@Component
public class CustomerIntake {

	public enum Reason { EMAIL, PHONE, TAX_CODE, NAME }

	/** What is known of the newcomer; any part may be null. Phones in E.164. */
	public record Candidate(String familyName, String givenName, String email, String phone, String companyName,
			String taxCode) {
	}

	/** An existing customer the newcomer may be, and why. */
	public record Match(Customers.Kind kind, UUID id, String name, String detail, Set<Reason> reasons) {
	}

	/**
	 * Marketing consent on one channel (email, sms, phone) as it was recorded elsewhere (a lead):
	 * its status ({@link Consents#STATUSES}), when the server recorded it, how ({@link Consents#METHODS})
	 * with a note, and who recorded it (null: the system or the person themselves).
	 */
	public record ConsentGiven(String status, Instant at, String method, String note, UUID recordedBy, String recordedByName) {
	}

	public record NewPerson(String familyName, String givenName, String email, String phone, String province, String source,
			UUID ownerId, UUID ownerTeamId, Map<String, ConsentGiven> consents) {
	}

	/** Names similar to each other above this share of equal letters (1 − edit distance / length). */
	private static final double SIMILAR = 0.85;
	private static final int NAME_CANDIDATES = 10;
	/** Legal forms that say nothing about which company it is ("Công ty TNHH", "JSC", "Co., Ltd"). */
	private static final Set<String> LEGAL_WORDS = Set.of("cong", "ty", "tnhh", "co", "phan", "cp", "mtv", "jsc", "ltd",
			"llc", "inc", "corp", "corporation", "company", "limited", "tap", "doan", "trach", "nhiem", "huu", "han", "mot",
			"thanh", "vien", "dntn", "plc", "gmbh", "pte", "jsc.", "the");

	private final PersonService persons;
	private final OrganizationService organizations;
	private final ContactRoles roles;
	private final CustomerSearch search;
	private final History history;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	CustomerIntake(PersonService persons, OrganizationService organizations, ContactRoles roles, CustomerSearch search,
			History history, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.persons = persons;
		this.organizations = organizations;
		this.roles = roles;
		this.search = search;
		this.history = history;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Persons and organizations the candidate may be, those with the most reasons first. */
	@Transactional(readOnly = true)
	public List<Match> likelyMatches(Candidate candidate) {
		var result = new ArrayList<Match>();
		for (var match : found(candidate).values()) {
			describe(match).ifPresent(result::add);
		}
		result.sort((a, b) -> Integer.compare(b.reasons().size(), a.reasons().size()));
		return result;
	}

	/**
	 * How many persons and organizations the candidate may be: the same lookups as
	 * {@link #likelyMatches}, without reading each record to describe it (imports count them per row).
	 */
	@Transactional(readOnly = true)
	public int countLikelyMatches(Candidate candidate) {
		return found(candidate).size();
	}

	private Map<UUID, Match> found(Candidate candidate) {
		var found = new LinkedHashMap<UUID, Match>();
		if (candidate.email() != null) {
			personsByEmail(candidate.email()).forEach(id -> add(found, Customers.Kind.PERSON, id, Reason.EMAIL));
		}
		if (candidate.phone() != null) {
			personsByPhone(candidate.phone()).forEach(id -> add(found, Customers.Kind.PERSON, id, Reason.PHONE));
		}
		if (candidate.taxCode() != null) {
			organizationsByTaxCode(candidate.taxCode()).forEach(id -> add(found, Customers.Kind.ORGANIZATION, id, Reason.TAX_CODE));
		}
		var fullName = join(candidate.familyName(), candidate.givenName());
		if (!fullName.isBlank()) {
			search.searchPersons(fullName, NAME_CANDIDATES).stream()
					.filter(r -> similarNames(r.name(), fullName))
					.forEach(r -> add(found, Customers.Kind.PERSON, r.id(), Reason.NAME));
		}
		if (candidate.companyName() != null) {
			organizationsNamed(candidate.companyName()).forEach(id -> add(found, Customers.Kind.ORGANIZATION, id, Reason.NAME));
		}
		return found;
	}

	/** Persons with exactly this email address (any case). */
	@Transactional(readOnly = true)
	public List<UUID> personsByEmail(String email) {
		var address = email.strip().toLowerCase(java.util.Locale.ROOT);
		return jdbc.sql("""
				select p.id from persons p
				where p.workspace_id = :ws
				  and p.id in (select s.person_id from search_terms s where s.workspace_id = :ws and s.person_id is not null
				               and s.term >= :from and s.term < :to)
				  and p.emails @> jsonb_build_array(jsonb_build_object('address', cast(:address as text)))
				order by p.created_at""")
				.param("ws", WorkspaceContext.workspaceId()).param("address", address)
				.param("from", prefix(address)).param("to", after(prefix(address)))
				.query(UUID.class).list();
	}

	/** Persons with this phone number (E.164). */
	@Transactional(readOnly = true)
	public List<UUID> personsByPhone(String e164) {
		var digits = SearchText.digits(e164);
		if (digits.length() < 6) {
			return List.of();
		}
		return jdbc.sql("""
				select p.id from persons p
				where p.workspace_id = :ws
				  and p.id in (select s.person_id from search_terms s where s.workspace_id = :ws and s.person_id is not null
				               and s.term >= :from and s.term < :to)
				  and p.phones @> jsonb_build_array(jsonb_build_object('number', cast(:number as text)))
				order by p.created_at""")
				.param("ws", WorkspaceContext.workspaceId()).param("number", e164)
				.param("from", digits).param("to", after(digits))
				.query(UUID.class).list();
	}

	/** Organizations with this tax code (spaces ignored, letters in upper case). */
	@Transactional(readOnly = true)
	public List<UUID> organizationsByTaxCode(String taxCode) {
		return jdbc.sql("select id from organizations where workspace_id = :ws and tax_code = :code order by created_at")
				.param("ws", WorkspaceContext.workspaceId())
				.param("code", taxCode.replace(" ", "").toUpperCase(java.util.Locale.ROOT))
				.query(UUID.class).list();
	}

	/** Organizations whose name is the same or similar, legal forms aside ("Công ty TNHH Hoa Sen" ~ "Hoa Sen Co., Ltd"). */
	@Transactional(readOnly = true)
	public List<UUID> organizationsNamed(String name) {
		var key = companyKey(name);
		if (key == null) {
			return List.of();
		}
		var results = new ArrayList<UUID>();
		for (var query : List.of(name, key)) {
			search.searchOrganizations(query, NAME_CANDIDATES).stream()
					.filter(r -> !results.contains(r.id()))
					.filter(r -> {
						var other = companyKey(r.name());
						return other != null && (other.equals(key) || editSimilarity(other, key) >= SIMILAR);
					})
					.forEach(r -> results.add(r.id()));
		}
		return results;
	}

	/** Creates a person as the current user (with the usual access rules and history). */
	@Transactional
	public UUID createPerson(NewPerson person) {
		var given = person.givenName();
		if (given == null && person.familyName() == null) {
			given = person.email() != null ? person.email().substring(0, person.email().indexOf('@')) : person.phone();
		}
		var id = persons.create(new PersonDraft(person.familyName(), null, given, null,
				person.email() == null ? null : List.of(new EmailAddress(person.email(), null, true)),
				person.phone() == null ? null : List.of(new PhoneNumber(person.phone(), null, true)),
				address(person.province()), null, null, person.ownerId(), person.ownerTeamId(), person.source(), "potential", null,
				null, null, null)).id();
		// the consents are the person's own earlier statements: kept as recorded then (time, method, recorder)
		if (person.consents() != null && !person.consents().isEmpty()) {
			recordConsents(id, person.consents());
		}
		return id;
	}

	/** Creates an organization as the current user (with the usual access rules and history). */
	@Transactional
	public UUID createOrganization(String name, String taxCode, String province, UUID ownerId, UUID ownerTeamId) {
		return organizations.create(new OrganizationDraft(name, null, null, null, taxCode, null, null, null, null, null,
				address(province), null, null, ownerId, ownerTeamId, null, null)).id();
	}

	/**
	 * Makes the person a contact of the organization, unless they are already or the current user
	 * may edit neither of them (then the link is left for someone who may).
	 */
	@Transactional
	public void linkContact(UUID personId, UUID organizationId, String jobTitle) {
		if (roles.ofPerson(personId).stream().anyMatch(r -> r.organizationId().equals(organizationId))) {
			return;
		}
		try {
			roles.create(personId, organizationId, jobTitle, List.of());
		} catch (AccessDeniedException e) {
			// neither record is the user's to change
		}
	}

	/**
	 * Records consents the person gave elsewhere (on a web form, before becoming a customer): per
	 * channel, the newer statement wins. A consent is the person's own statement, so it is
	 * recorded whoever owns the record; the history names the actor.
	 */
	@Transactional
	public void recordConsents(UUID personId, Map<String, ConsentGiven> given) {
		var person = persons.get(personId);
		var merged = new LinkedHashMap<String, Consent>(person.consents());
		var before = new LinkedHashMap<String, Object>();
		var after = new LinkedHashMap<String, Object>();
		given.forEach((channel, consent) -> {
			if (!Consent.CHANNELS.contains(channel) || consent.status() == null || !Consent.STATUSES.contains(consent.status())) {
				return;
			}
			var current = merged.get(channel);
			if (current == null || current.at() == null || consent.at() == null || consent.at().isAfter(current.at())) {
				merged.put(channel, new Consent(consent.status(), consent.at() == null ? Instant.now(clock) : consent.at(),
						consent.method(), consent.note(), consent.recordedBy(), consent.recordedByName()));
				before.put("consent." + channel, current == null ? null : current.status());
				after.put("consent." + channel, consent.status());
				before.put("consent." + channel + ".method", current == null ? null : current.method());
				after.put("consent." + channel + ".method", consent.method());
			}
		});
		if (after.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update persons set consents = cast(:consents as jsonb), updated_at = now(), version = version + 1
				where workspace_id = :ws and id = :id""")
				.param("consents", json.writeValueAsString(merged)).param("ws", WorkspaceContext.workspaceId())
				.param("id", personId).update();
		history.updated("person", personId, before, after);
	}

	/**
	 * A name as a key that ignores accents, case and word order: "Nguyễn Văn An" and "an nguyen
	 * van" give "an nguyen van". Null for no name.
	 */
	public static String nameKey(String name) {
		var words = words(name);
		return words.isEmpty() ? null : words.stream().sorted().collect(Collectors.joining(" "));
	}

	/** A company name as a key without accents, punctuation and legal forms; null for none. */
	public static String companyKey(String name) {
		var words = words(name).stream().filter(w -> !LEGAL_WORDS.contains(w)).toList();
		return words.isEmpty() ? null : String.join(" ", words);
	}

	/** Two person names are similar when they have the same words, or differ in few letters. */
	public static boolean similarNames(String a, String b) {
		var keyA = nameKey(a);
		var keyB = nameKey(b);
		if (keyA == null || keyB == null) {
			return false;
		}
		// the sorted words too, as either name may be written in either order
		return keyA.equals(keyB) || editSimilarity(String.join(" ", words(a)), String.join(" ", words(b))) >= SIMILAR
				|| editSimilarity(keyA, keyB) >= SIMILAR;
	}

	static double editSimilarity(String a, String b) {
		var previous = new int[b.length() + 1];
		var current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			var swap = previous;
			previous = current;
			current = swap;
		}
		return 1 - (double) previous[b.length()] / Math.max(1, Math.max(a.length(), b.length()));
	}

	private static List<String> words(String text) {
		var folded = SearchText.fold(text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC));
		return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank()).toList();
	}

	private static void add(Map<UUID, Match> found, Customers.Kind kind, UUID id, Reason reason) {
		found.computeIfAbsent(id, k -> new Match(kind, id, null, null, EnumSet.noneOf(Reason.class))).reasons().add(reason);
	}

	private Optional<Match> describe(Match match) {
		try {
			if (match.kind() == Customers.Kind.PERSON) {
				var p = persons.get(match.id());
				var detail = p.primaryEmail() != null ? p.primaryEmail()
						: p.primaryPhone() != null ? PhoneNumbers.display(p.primaryPhone()) : null;
				return Optional.of(new Match(match.kind(), p.id(), p.displayName(), detail, match.reasons()));
			}
			var o = organizations.get(match.id());
			return Optional.of(new Match(match.kind(), o.id(), o.name(), o.taxCode(), match.reasons()));
		} catch (org.sencrm.platform.NotFoundException gone) {
			return Optional.empty();
		}
	}

	private static List<Address> address(String province) {
		return province == null || province.isBlank() ? null
				: List.of(new Address(null, null, null, null, null, province.strip(), null, null, null));
	}

	private static String join(String family, String given) {
		return ((family == null ? "" : family) + " " + (given == null ? "" : given)).strip();
	}

	/** Search terms are cut to 32 characters, so a longer address is looked up by its first 32. */
	private static String prefix(String text) {
		return text.length() > 32 ? text.substring(0, 32) : text;
	}

	private static String after(String prefix) {
		var last = prefix.codePointBefore(prefix.length());
		return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
	}
}
