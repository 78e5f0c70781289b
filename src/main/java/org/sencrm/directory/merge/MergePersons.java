package org.sencrm.directory.merge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.sencrm.directory.PersonRenamed;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.duplicates.Duplicates;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.person.PersonDraft;
import org.sencrm.directory.person.PersonService;
import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two or more persons into one (decision 33). Field by field the value of the record the
 * user chose survives — by default the most recently changed record that has one; emails, phones,
 * addresses and tags of all are kept, each once; custom fields by key as the fields; for each
 * consent channel the latest decision. Every linked record moves to the survivor ({@link LinkMoves});
 * the survivor's change is an ordinary update (history, search terms, a renamed event so documents
 * carry its name); the merged-away persons go to the trash; each record's history says "merged".
 * Whoever merges must be allowed to edit every record involved.
 */
@Service
public class MergePersons {

	/** The fields a user chooses a value for (name is one: family, middle and given name with their order). */
	private static final String ENTITY = "person";

	static final List<String> FIELDS = List.of("name", "birthday", "source", "status", "lifecycleStage", "owner");

	private final PersonService persons;
	private final LinkMoves links;
	private final Access access;
	private final History history;
	private final Trash trash;
	private final Duplicates duplicates;
	private final JdbcClient jdbc;
	private final ContactJson json;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MergePersons(PersonService persons, LinkMoves links, Access access, History history, Trash trash, Duplicates duplicates,
			JdbcClient jdbc, ContactJson json, ApplicationEventPublisher events, Clock clock) {
		this.persons = persons;
		this.links = links;
		this.access = access;
		this.history = history;
		this.trash = trash;
		this.duplicates = duplicates;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges {@code otherIds} into {@code survivorId}; {@code fields} names, per field, the id of the
	 * record whose value survives ({@code "name"}, {@code "birthday"}, …, {@code "customFields.key"}).
	 * Returns the survivor as stored.
	 */
	@Transactional
	public Person merge(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields) {
		var problems = new ValidationException.Collector();
		var others = otherIds == null ? List.<UUID>of() : otherIds.stream().filter(Objects::nonNull).distinct().toList();
		if (survivorId == null) {
			problems.add("survivorId", "validation.required");
		}
		if (others.isEmpty() || others.contains(survivorId)) {
			problems.add("otherIds", "merge.others");
		}
		problems.throwIfAny();
		var survivor = persons.get(survivorId);
		var merged = others.stream().map(persons::get).toList();
		for (var person : merged) {
			access.requireEdit(person.ownerId(), person.ownerTeamId());
		}
		access.requireEdit(survivor.ownerId(), survivor.ownerTeamId());
		var all = new ArrayList<Person>();
		all.add(survivor);
		all.addAll(merged);
		var chosen = choices(fields == null ? Map.of() : fields, all, problems);
		problems.throwIfAny();

		var mergeId = Ids.next();
		var mergedIds = merged.stream().map(Person::id).toList();
		jdbc.sql("""
				insert into merges (id, workspace_id, entity, survivor_id, merged_ids, fields, merged_by, merged_at)
				values (:id, :ws, 'person', :survivor, :merged, cast(:fields as jsonb), :by, :at)""")
				.param("id", mergeId).param("ws", WorkspaceContext.workspaceId()).param("survivor", survivorId)
				.param("merged", mergedIds.toArray(UUID[]::new)).param("fields", json.write(chosen))
				.param("by", access.currentUser().id()).param("at", Timestamp.from(Instant.now(clock))).update();
		var moved = links.move(mergeId, "person", survivorId, mergedIds);
		// tags of all: link rows that mean nothing alone, copied (the merged-away keep theirs in the trash)
		jdbc.sql("""
				insert into person_tags (person_id, tag_id, workspace_id)
				select :survivor, tag_id, workspace_id from person_tags where workspace_id = :ws and person_id = any(:merged)
				on conflict do nothing""")
				.param("ws", WorkspaceContext.workspaceId()).param("survivor", survivorId).param("merged", mergedIds.toArray(UUID[]::new))
				.update();
		var tags = new LinkedHashSet<String>(persons.get(survivorId).tags());
		merged.forEach(p -> tags.addAll(p.tags()));

		var draft = draft(all, chosen, new ArrayList<>(tags));
		var stored = persons.update(survivorId, draft, survivor.version());
		var consents = consents(all);
		if (!consents.equals(stored.consents())) {
			jdbc.sql("update persons set consents = cast(:consents as jsonb) where workspace_id = :ws and id = :id")
					.param("consents", json.write(consents)).param("ws", WorkspaceContext.workspaceId()).param("id", survivorId).update();
		}
		events.publishEvent(new PersonRenamed(survivorId, stored.displayName()));

		var facts = new LinkedHashMap<String, Object>();
		facts.put("mergedFrom", String.join(", ", mergedIds.stream().map(UUID::toString).toList()));
		moved.forEach((table, count) -> {
			if (count > 0) {
				facts.put("moved." + table, count);
			}
		});
		history.merged(ENTITY, survivorId, facts);
		for (var id : mergedIds) {
			history.merged(ENTITY, id, Map.of("mergedInto", survivorId.toString()));
			trash.moveToTrash(ENTITY, id, null);
		}
		duplicates.forget("person", mergedIds);
		return persons.get(survivorId);
	}

	/** Per field, the record whose value survives: the user's choice, else the most recently changed one that has a value. */
	private static Map<String, UUID> choices(Map<String, UUID> asked, List<Person> all, ValidationException.Collector problems) {
		var ids = all.stream().map(Person::id).toList();
		var chosen = new LinkedHashMap<String, UUID>();
		asked.forEach((field, id) -> {
			if (!FIELDS.contains(field) && !field.startsWith("customFields.")) {
				problems.add("fields." + field, "validation.unknown-field");
			} else if (id == null || !ids.contains(id)) {
				problems.add("fields." + field, "merge.field-record");
			} else {
				chosen.put(field, id);
			}
		});
		var recentFirst = all.stream().sorted(Comparator.comparing(Person::updatedAt).reversed()).toList();
		Map<String, Function<Person, Object>> values = Map.of("name", p -> p.displayName(), "birthday", Person::birthday, "source",
				Person::source, "status", Person::status, "lifecycleStage", Person::lifecycleStage, "owner", Person::ownerId);
		for (var field : FIELDS) {
			chosen.computeIfAbsent(field, f -> recentFirst.stream().filter(p -> values.get(f).apply(p) != null).findFirst()
					.orElse(all.getFirst()).id());
		}
		var keys = new LinkedHashSet<String>();
		all.forEach(p -> keys.addAll(p.customFields().keySet()));
		for (var key : keys) {
			chosen.computeIfAbsent("customFields." + key, f -> recentFirst.stream()
					.filter(p -> p.customFields().get(key) != null && !"".equals(p.customFields().get(key))).findFirst()
					.orElse(all.getFirst()).id());
		}
		return chosen;
	}

	private static PersonDraft draft(List<Person> all, Map<String, UUID> chosen, List<String> tags) {
		var byId = new LinkedHashMap<UUID, Person>();
		all.forEach(p -> byId.put(p.id(), p));
		var survivor = all.getFirst();
		var name = byId.get(chosen.get("name"));
		var owner = byId.get(chosen.get("owner"));
		var custom = new LinkedHashMap<String, Object>();
		chosen.forEach((field, id) -> {
			if (field.startsWith("customFields.")) {
				var key = field.substring("customFields.".length());
				var value = byId.get(id).customFields().get(key);
				if (value != null) {
					custom.put(key, value);
				}
			}
		});
		var birthday = byId.get(chosen.get("birthday")).birthday();
		return new PersonDraft(name.familyName(), name.middleName(), name.givenName(), name.nameOrder().key(),
				union(all, Person::emails, EmailAddress::address, (e, primary) -> new EmailAddress(e.address(), e.label(), primary),
						EmailAddress::primary),
				union(all, Person::phones, PhoneNumber::number, (p, primary) -> new PhoneNumber(p.number(), p.label(), primary),
						PhoneNumber::primary),
				addresses(all), birthday == null ? null : birthday.toString(), tags, owner.ownerId(), owner.ownerTeamId(),
				byId.get(chosen.get("source")).source(), byId.get(chosen.get("status")).status(),
				byId.get(chosen.get("lifecycleStage")).lifecycleStage(), survivor.consents(), custom,
				// the merged-away records keep theirs in the trash (unique per workspace), so the survivor keeps its own
				survivor.externalId());
	}

	/** Every record's items, each once, the survivor's first; only the survivor's primary stays primary. */
	private static <T> List<T> union(List<Person> all, Function<Person, List<T>> items, Function<T, String> key,
			java.util.function.BiFunction<T, Boolean, T> withPrimary, java.util.function.Predicate<T> isPrimary) {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<T>();
		for (var person : all) {
			for (var item : items.apply(person)) {
				if (seen.add(key.apply(item).toLowerCase(java.util.Locale.ROOT))) {
					result.add(withPrimary.apply(item, person == all.getFirst() && isPrimary.test(item)));
				}
			}
		}
		if (!result.isEmpty() && result.stream().noneMatch(isPrimary)) {
			result.set(0, withPrimary.apply(result.getFirst(), true));
		}
		return result;
	}

	private static List<Address> addresses(List<Person> all) {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<Address>();
		for (var person : all) {
			for (var address : person.addresses()) {
				if (seen.add(org.sencrm.platform.SearchText.fold(address.oneLine()))) {
					result.add(address);
				}
			}
		}
		return result;
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
