package org.sencrm.directory.personaldata;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.PersonalData;
import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.person.PersonService;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory's own part of a person's personal data: the person's record (names, contact
 * details, birthday, consents and their changes, custom fields), tags, contact roles and history;
 * erased by removing the person with their contact roles, tag links and search terms, and the saved
 * views whose query names them. Used by {@link PersonalData}, which runs it after every other module's part.
 */
@Component
public class DirectoryPersonalData {

	private final PersonService persons;
	private final ContactRoles roles;
	private final CustomFields customFields;
	private final UserDirectory users;
	private final History history;
	private final JdbcClient jdbc;

	DirectoryPersonalData(PersonService persons, ContactRoles roles, CustomFields customFields, UserDirectory users,
			History history, JdbcClient jdbc) {
		this.persons = persons;
		this.roles = roles;
		this.customFields = customFields;
		this.users = users;
		this.history = history;
		this.jdbc = jdbc;
	}

	/** The person (not found: 404). */
	public Person person(UUID personId) {
		return persons.get(personId);
	}

	/** The person as the subject of an export. */
	public PersonalData.Subject subject(Person person) {
		var names = new LinkedHashSet<String>();
		names.add(new PersonName(person.familyName(), person.middleName(), person.givenName(), NameOrder.FAMILY_FIRST).display());
		names.add(new PersonName(person.familyName(), person.middleName(), person.givenName(), NameOrder.GIVEN_FIRST).display());
		if (person.middleName() != null) {
			names.add(new PersonName(person.familyName(), null, person.givenName(), NameOrder.FAMILY_FIRST).display());
			names.add(new PersonName(person.familyName(), null, person.givenName(), NameOrder.GIVEN_FIRST).display());
		}
		var phones = new LinkedHashSet<String>();
		for (var phone : person.phones()) {
			phones.add(phone.number());
			phones.add(SearchText.digits(phone.number()));
			phones.add(PhoneNumbers.nationalDigits(phone.number()));
			phones.add(PhoneNumbers.display(phone.number()));
		}
		return new PersonalData.Subject(person.id(), List.copyOf(names),
				person.emails().stream().map(e -> e.address()).toList(), List.copyOf(phones));
	}

	/**
	 * The person as the subject of an erasure, their row locked until the erasure's transaction
	 * ends, so nobody changes them half-way (not found: 404).
	 */
	public PersonalData.Subject lockedSubject(UUID personId) {
		var locked = jdbc.sql("select id from persons where workspace_id = :ws and id = :id for update")
				.param("ws", WorkspaceContext.workspaceId()).param("id", personId).query(UUID.class).optional();
		if (locked.isEmpty()) {
			throw new NotFoundException("entity.person");
		}
		return subject(persons.get(personId));
	}

	/** The directory's sections of the export: profile, consents with their changes, tags, custom fields, contact roles, history. */
	public Map<String, Object> export(Person person) {
		var sections = new LinkedHashMap<String, Object>();
		var profile = new LinkedHashMap<String, Object>();
		profile.put("id", person.id());
		profile.put("familyName", person.familyName());
		profile.put("middleName", person.middleName());
		profile.put("givenName", person.givenName());
		profile.put("emails", person.emails());
		profile.put("phones", person.phones());
		profile.put("addresses", person.addresses());
		profile.put("birthday", person.birthday() == null ? null : person.birthday().toString());
		profile.put("source", person.source());
		profile.put("status", person.status());
		profile.put("lifecycleStage", person.lifecycleStage());
		profile.put("externalId", person.externalId());
		profile.put("owner", users.user(person.ownerId()).map(UserDirectory.UserSummary::displayName).orElse(null));
		profile.put("createdAt", person.createdAt());
		profile.put("updatedAt", person.updatedAt());
		profile.values().removeIf(v -> v == null);
		sections.put("profile", profile);
		var entries = history.of(person.id());
		var consentChanges = entries.stream()
				.filter(e -> e.changes().keySet().stream().anyMatch(k -> k.startsWith("consent.")))
				.map(e -> new ConsentChange(e.at(), e.actorName(), e.changes().entrySet().stream()
						.filter(c -> c.getKey().startsWith("consent."))
						.collect(LinkedHashMap<String, History.Change>::new, (m, c) -> m.put(c.getKey(), c.getValue()), Map::putAll)))
				.toList();
		sections.put("consents", Map.of("current", person.consents(), "changes", consentChanges));
		sections.put("tags", person.tags());
		var labels = new LinkedHashMap<String, String>();
		customFields.of("person").forEach(d -> labels.put(d.key(), d.label()));
		var custom = new LinkedHashMap<String, Object>();
		person.customFields().forEach((key, value) -> custom.put(labels.getOrDefault(key, key), value));
		sections.put("customFields", custom);
		sections.put("contactRoles", roles.ofPerson(person.id()).stream()
				.map(r -> new Role(r.organizationName(), r.jobTitle(), r.buyingRoles())).toList());
		sections.put("history", entries);
		return sections;
	}

	/** A change of consent in the history: when, by whom, and the channels' statuses and methods before and after. */
	record ConsentChange(java.time.Instant at, String by, Map<String, History.Change> changes) {
	}

	record Role(String organization, String jobTitle, List<String> buyingRoles) {
	}

	/**
	 * Removes the person with their contact roles, tag links and search terms, and saved views whose
	 * query names them; returns the count per section. Runs last in the erasure, after every module
	 * has removed or emptied its rows about the person.
	 */
	public Map<String, Integer> erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var ws = WorkspaceContext.workspaceId();
		var id = subject.personId();
		var counts = new LinkedHashMap<String, Integer>();
		var roleIds = jdbc.sql("delete from contact_roles where workspace_id = :ws and person_id = :id returning id")
				.param("ws", ws).param("id", id).query(UUID.class).list();
		erasure.historyOf(roleIds);
		counts.put("contactRoles", roleIds.size());
		counts.put("tags", jdbc.sql("delete from person_tags where workspace_id = :ws and person_id = :id")
				.param("ws", ws).param("id", id).update());
		jdbc.sql("delete from search_terms where workspace_id = :ws and person_id = :id").param("ws", ws).param("id", id).update();
		counts.put("savedViews", jdbc.sql("delete from saved_views where workspace_id = :ws and sen_mentions(query, :personal)")
				.param("ws", ws).param("personal", subject.identifying().toArray(String[]::new)).update());
		counts.put("person", jdbc.sql("delete from persons where workspace_id = :ws and id = :id")
				.param("ws", ws).param("id", id).update());
		return counts;
	}
}
