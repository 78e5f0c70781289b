package org.sencrm.directory.person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.Consents;
import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.PersonRenamed;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.duplicates.DuplicateCheck;
import org.sencrm.directory.record.CommonFields;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.CustomerRecords;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons: the shared life of a customer record ({@link CustomerRecords}) plus what is a person's
 * own — the name and its order, birthday, source, status and consents — and the event when a
 * person's full name reads differently.
 */
@Service
public class PersonService extends CustomerRecords<Person, PersonDraft> {

	static final String ENTITY = "person";
	private static final int MAX_NAME = 100;

	private final PersonRepository persons;
	private final UserDirectory users;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PersonService(PersonRepository persons, Support support, UserDirectory users, ApplicationEventPublisher events) {
		super(CustomerKind.PERSON, support);
		this.persons = persons;
		this.users = users;
		this.events = events;
		this.clock = support.clock();
	}

	@Transactional(readOnly = true)
	public PersonPage list(PersonFilter filter) {
		var page = withTagNames(persons.list(filter));
		return new PersonPage(page.items(), page.nextCursor());
	}

	@Override
	protected Optional<Person> find(UUID id) {
		return persons.find(id);
	}

	@Override
	protected void insert(Person person) {
		persons.insert(person);
	}

	@Override
	protected boolean update(Person person, int expectedVersion) {
		return persons.update(person, expectedVersion);
	}

	@Override
	protected Person withTags(Person person, List<String> tags) {
		return person.withTags(tags);
	}

	/** Same email or phone; or the same folded name with the same birthday or province (decision 32). */
	@Override
	protected List<DuplicateCheck.Match> duplicatesOf(Person person) {
		var probe = new DuplicateCheck.PersonProbe(person.familyName(), person.middleName(), person.givenName(), person.birthday(),
				person.emails().stream().map(EmailAddress::address).toList(), person.phones().stream().map(PhoneNumber::number).toList(),
				person.addresses().stream().map(Address::province).toList(), List.of());
		return support.duplicates().persons(probe, person.id());
	}

	@Override
	protected void changed(Person before, Person after) {
		if (!after.displayName().equals(before.displayName())) {
			events.publishEvent(new PersonRenamed(after.id(), after.displayName()));
		}
	}

	/**
	 * A person's history. After their personal data was erased the person is gone, but the lines
	 * without personal data stay readable, the last saying who erased it and when (decision 26).
	 */
	@Override
	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		if (persons.find(id).isEmpty()) {
			var left = support.history().of(id);
			if (left.stream().anyMatch(entry -> "erased".equals(entry.action()))) {
				return left;
			}
			throw new NotFoundException("entity.person");
		}
		return support.history().of(id);
	}

	/** Checks the person's own fields and returns the person to store. */
	@Override
	protected Person checked(UUID id, PersonDraft draft, Person current, CommonFields common, Instant createdAt, Instant updatedAt,
			int version, ValidationException.Collector problems) {
		var family = name(draft.familyName(), "familyName", problems);
		var middle = name(draft.middleName(), "middleName", problems);
		var given = name(draft.givenName(), "givenName", problems);
		if (family == null && given == null) {
			problems.add("givenName", "validation.name-required");
		}
		var order = nameOrder(draft.nameOrder(), family, middle, given, problems);
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
		var consents = consents(draft.consents(), current == null ? Map.of() : current.consents(), problems);
		var source = ContactDetails.blankToNull(draft.source());
		if (source != null && source.length() > MAX_NAME) {
			problems.add("source", "validation.too-long");
		}
		return new Person(id, family, middle, given, order, common.emails(), common.phones(), common.addresses(), birthday,
				common.tags(), common.ownerId(), common.ownerTeamId(), source, status, common.lifecycleStage(), consents,
				common.customFields(), common.externalId(), createdAt, updatedAt, version);
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
