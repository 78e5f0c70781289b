package org.sencrm.directory.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.PersonRenamed;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.person.PersonDraft;
import org.sencrm.directory.person.PersonService;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two or more persons into one (decision 33), the persons' rules of {@link RecordMerge}:
 * the name is chosen as one unit (family, middle and given name with their order), then birthday,
 * source, status, lifecycle stage and owner; for each consent channel the latest decision of any
 * record survives; the survivor's new name reaches documents through {@link PersonRenamed}.
 */
@Service
public class MergePersons {

	static final List<String> FIELDS = List.of("name", "birthday", "source", "status", "lifecycleStage", "owner");

	private final PersonService persons;
	private final RecordMerge merge;
	private final JdbcClient jdbc;
	private final ContactJson json;
	private final ApplicationEventPublisher events;
	private final Rules rules = new Rules();

	MergePersons(PersonService persons, RecordMerge merge, JdbcClient jdbc, ContactJson json, ApplicationEventPublisher events) {
		this.persons = persons;
		this.merge = merge;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/**
	 * Merges {@code otherIds} into {@code survivorId}; {@code fields} names, per field, the id of the
	 * record whose value survives ({@code "name"}, {@code "birthday"}, …, {@code "customFields.key"}).
	 * Returns the survivor as stored.
	 */
	@Transactional
	public Person merge(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields) {
		return merge.merge(rules, survivorId, otherIds, fields, null);
	}

	/** As {@link #merge(UUID, List, Map)}, refused as stale when a record's version is no longer the one the user saw. */
	@Transactional
	Person merge(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields, Map<UUID, Integer> seen) {
		return merge.merge(rules, survivorId, otherIds, fields, seen);
	}

	@Transactional(readOnly = true)
	RecordMerge.Preview<Person> preview(UUID survivorId, List<UUID> otherIds) {
		return merge.preview(rules, survivorId, otherIds);
	}

	/** The persons' rules, for the merge and the merge page. */
	MergeRules<Person> rules() {
		return rules;
	}

	private final class Rules implements MergeRules<Person> {

		@Override
		public CustomerKind kind() {
			return CustomerKind.PERSON;
		}

		@Override
		public List<String> fields() {
			return FIELDS;
		}

		@Override
		public Object value(Person person, String field) {
			return switch (field) {
				case "name" -> person.displayName();
				case "birthday" -> person.birthday();
				case "source" -> person.source();
				case "status" -> person.status();
				case "lifecycleStage" -> person.lifecycleStage();
				case "owner" -> person.ownerId();
				default -> throw new IllegalArgumentException(field);
			};
		}

		@Override
		public Person get(UUID id) {
			return persons.get(id);
		}

		@Override
		public Person store(MergedValues<Person> values, int version) {
			var survivor = values.survivor();
			var name = values.from("name");
			var owner = values.from("owner");
			var birthday = values.from("birthday").birthday();
			var draft = new PersonDraft(name.familyName(), name.middleName(), name.givenName(), name.nameOrder().key(), values.emails(),
					values.phones(), values.addresses(), birthday == null ? null : birthday.toString(), values.tags(), owner.ownerId(),
					owner.ownerTeamId(), values.from("source").source(), values.from("status").status(),
					values.from("lifecycleStage").lifecycleStage(), survivor.consents(), values.customFields(),
					// the merged-away records keep theirs in the trash (unique per workspace), so the survivor keeps its own
					survivor.externalId());
			var stored = persons.update(survivor.id(), draft, version);
			var consents = consents(values.all());
			if (!consents.equals(stored.consents())) {
				jdbc.sql("update persons set consents = cast(:consents as jsonb) where workspace_id = :ws and id = :id")
						.param("consents", json.write(consents)).param("ws", WorkspaceContext.workspaceId()).param("id", survivor.id())
						.update();
			}
			events.publishEvent(new PersonRenamed(survivor.id(), stored.displayName()));
			return stored;
		}
	}

	/** Per channel, the latest decision of any of the records. */
	private static Map<String, Consent> consents(List<Person> all) {
		var latest = new LinkedHashMap<String, Consent>();
		for (var person : all) {
			person.consents().forEach((channel, consent) -> latest.merge(channel, consent,
					(a, b) -> b.at() != null && (a.at() == null || b.at().isAfter(a.at())) ? b : a));
		}
		return latest;
	}
}
