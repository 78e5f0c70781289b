package org.sencrm.directory.person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Consents;
import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.PersonRenamed;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.tag.Tags;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.directory.ownership.Ownership;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, deleting and listing persons: checks every field, enforces who may change
 * what, and writes the history in the same transaction as the change.
 */
@Service
public class PersonService {

	static final String ENTITY = "person";
	private static final int MAX_NAME = 100;

	private final PersonRepository persons;
	private final Tags tags;
	private final CustomFields customFields;
	private final Access access;
	private final Ownership ownership;
	private final History history;
	private final UserDirectory users;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Trash trash;

	PersonService(PersonRepository persons, Tags tags, CustomFields customFields, Access access, Ownership ownership,
			History history, UserDirectory users, ApplicationEventPublisher events, Clock clock, Trash trash) {
		this.trash = trash;
		this.persons = persons;
		this.tags = tags;
		this.customFields = customFields;
		this.access = access;
		this.ownership = ownership;
		this.history = history;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Person get(UUID id) {
		return persons.find(id).orElseThrow(() -> new NotFoundException("entity.person"));
	}

	@Transactional(readOnly = true)
	public PersonPage list(PersonFilter filter) {
		var page = persons.list(filter);
		var tagNames = tags.of(ENTITY, page.items().stream().map(Person::id).toList());
		return new PersonPage(page.items().stream()
				.map(p -> PersonRepository.withTagNames(p, tagNames.getOrDefault(p.id(), List.of()))).toList(),
				page.nextCursor());
	}

	/** How many persons this user owns (served by the index on owner). */
	@Transactional(readOnly = true)
	public long countOwnedBy(UUID ownerId) {
		return persons.countOwnedBy(ownerId);
	}

	@Transactional
	public Person create(PersonDraft draft) {
		access.requireWrite();
		var now = Instant.now(clock);
		var person = checked(Ids.next(), draft, Map.of(), ownership.ownerOfNew(draft.ownerId()), ownership.teamOfNew(draft.ownerTeamId()),
				now, now, 0);
		persons.insert(person);
		var tagNames = tags.add(ENTITY, person.id(), person.tags());
		var stored = PersonRepository.withTagNames(person, tagNames);
		history.created(ENTITY, stored.id(), stored.historyValues());
		return stored;
	}

	@Transactional
	public Person update(UUID id, PersonDraft draft, int expectedVersion) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var ownerId = draft.ownerId() == null ? current.ownerId() : draft.ownerId();
		ownership.checkChange(current.ownerId(), current.ownerTeamId(), ownerId, draft.ownerTeamId());
		var changed = checked(id, draft, current.consents(), ownerId, draft.ownerTeamId(), current.createdAt(), Instant.now(clock), expectedVersion + 1);
		if (!persons.update(changed, expectedVersion)) {
			throw new StaleVersionException();
		}
		var tagNames = tags.set(ENTITY, id, changed.tags());
		var stored = PersonRepository.withTagNames(changed, tagNames);
		history.updated(ENTITY, id, current.historyValues(), stored.historyValues());
		if (!stored.displayName().equals(current.displayName())) {
			events.publishEvent(new PersonRenamed(id, stored.displayName()));
		}
		return stored;
	}

	/**
	 * Moves the person to the trash with everything that hangs on them (opportunities, documents,
	 * activities, tasks, contact roles); refused while that holds someone else's work (decision 22).
	 */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		trash.moveToTrash(ENTITY, id, expectedVersion);
	}

	/**
	 * A person's history. After their personal data was erased the person is gone, but the lines
	 * without personal data stay readable, the last saying who erased it and when (decision 26).
	 */
	@Transactional(readOnly = true)
	public List<org.sencrm.platform.History.Entry> history(UUID id) {
		if (persons.find(id).isEmpty()) {
			var left = history.of(id);
			if (left.stream().anyMatch(entry -> "erased".equals(entry.action()))) {
				return left;
			}
			throw new NotFoundException("entity.person");
		}
		return history.of(id);
	}

	/** Checks the draft and returns the person to store; throws with every invalid field listed. */
	private Person checked(UUID id, PersonDraft draft, Map<String, Consent> recordedConsents, UUID ownerId, UUID ownerTeamId,
			Instant createdAt, Instant updatedAt, int version) {
		var problems = new ValidationException.Collector();
		var family = name(draft.familyName(), "familyName", problems);
		var middle = name(draft.middleName(), "middleName", problems);
		var given = name(draft.givenName(), "givenName", problems);
		if (family == null && given == null) {
			problems.add("givenName", "validation.name-required");
		}
		var order = nameOrder(draft.nameOrder(), family, middle, given, problems);
		var emails = ContactDetails.emails(draft.emails(), problems);
		var phones = ContactDetails.phones(draft.phones(), problems);
		var addresses = ContactDetails.addresses(draft.addresses(), problems);
		LocalDate birthday = null;
		if (draft.birthday() != null && !draft.birthday().isBlank()) {
			try {
				birthday = LocalDate.parse(draft.birthday().strip());
				if (birthday.isAfter(LocalDate.now(clock)) || birthday.isBefore(LocalDate.of(1900, 1, 1))) {
					problems.add("birthday", "validation.birthday");
				}
			} catch (DateTimeParseException e) {
				problems.add("birthday", "validation.date");
			}
		}
		var status = draft.status() == null || draft.status().isBlank() ? "potential" : draft.status();
		if (!Person.STATUSES.contains(status)) {
			problems.add("status", "validation.choice");
		}
		var stage = LifecycleStage.checked(draft.lifecycleStage(), problems);
		ownership.validate(ownerId, ownerTeamId, problems);
		var consents = consents(draft.consents(), recordedConsents, problems);
		var custom = customFields.validate(ENTITY, draft.customFields(), problems);
		var tagNames = tags.clean(draft.tags(), "tags", problems);
		var source = ContactDetails.blankToNull(draft.source());
		if (source != null && source.length() > MAX_NAME) {
			problems.add("source", "validation.too-long");
		}
		problems.throwIfAny();
		return new Person(id, family, middle, given, order, emails, phones, addresses, birthday, tagNames, ownerId,
				ownerTeamId, source, status, stage, consents, custom, createdAt, updatedAt, version);
	}

	/** The order asked for, or when none is (null or blank), the one detected from the name. */
	private NameOrder nameOrder(String asked, String family, String middle, String given,
			ValidationException.Collector problems) {
		if (asked != null && !asked.isBlank()) {
			var order = NameOrder.of(asked.strip());
			if (order.isEmpty()) {
				problems.add("nameOrder", "validation.choice");
			}
			return order.orElse(NameOrder.GIVEN_FIRST);
		}
		return PersonName.detect(family, middle, given, () -> NameOrder.forUnrecognised(users.workspace()));
	}

	/**
	 * The consents to store. A consent whose status, method and note are what was recorded before is
	 * kept as it was (its time and recorder); a new or changed one must name its method from the list
	 * and is stamped with the server's time and the current actor — whatever time the client sent
	 * ({@code at} is accepted and ignored, decision 26).
	 */
	private Map<String, Consent> consents(Map<String, Consent> given, Map<String, Consent> recorded,
			ValidationException.Collector problems) {
		var clean = new LinkedHashMap<String, Consent>();
		if (given == null) {
			return clean;
		}
		var actor = WorkspaceContext.current();
		given.forEach((channel, consent) -> {
			if (!Consent.CHANNELS.contains(channel)) {
				problems.add("consents." + channel, "validation.choice");
				return;
			}
			if (consent == null || consent.status() == null || !Consent.STATUSES.contains(consent.status())) {
				problems.add("consents." + channel + ".status", "validation.choice");
				return;
			}
			var method = Consents.cleanMethod(consent.method());
			var note = Consents.cleanNote(consent.note());
			var before = recorded.get(channel);
			if (before != null && before.sameStatement(consent.status(), method, note)) {
				clean.put(channel, before);
				return;
			}
			Consents.check(channel, consent.status(), method, note, problems);
			clean.put(channel, new Consent(consent.status(), Instant.now(clock), method, note,
					actor == null ? null : actor.actorId(), actor == null ? null : actor.actorName()));
		});
		return clean;
	}

	private static String name(String value, String field, ValidationException.Collector problems) {
		var clean = ContactDetails.blankToNull(value);
		if (clean != null && clean.length() > MAX_NAME) {
			problems.add(field, "validation.too-long");
		}
		return clean;
	}
}
