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

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.duplicates.Duplicates;
import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.organization.OrganizationDraft;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two or more organizations into one (decision 33), as {@link MergePersons} does for
 * persons: field by field the chosen record's value (by default the most recently changed one that
 * has a value), emails, phones, addresses and tags of all kept once, every linked record moved to the
 * survivor — contacts, timeline, sales, and organizations that had a merged-away one as parent.
 */
@Service
public class MergeOrganizations {

	private static final String ENTITY = "organization";
	static final List<String> FIELDS = List.of("name", "kind", "relationship", "lifecycleStage", "taxCode", "industry", "size",
			"website", "parent", "owner");

	private final OrganizationService organizations;
	private final LinkMoves links;
	private final Access access;
	private final History history;
	private final Trash trash;
	private final Duplicates duplicates;
	private final JdbcClient jdbc;
	private final ContactJson json;
	private final Clock clock;

	MergeOrganizations(OrganizationService organizations, LinkMoves links, Access access, History history, Trash trash,
			Duplicates duplicates, JdbcClient jdbc, ContactJson json, Clock clock) {
		this.organizations = organizations;
		this.links = links;
		this.access = access;
		this.history = history;
		this.trash = trash;
		this.duplicates = duplicates;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public Organization merge(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields) {
		var problems = new ValidationException.Collector();
		var others = otherIds == null ? List.<UUID>of() : otherIds.stream().filter(Objects::nonNull).distinct().toList();
		if (survivorId == null) {
			problems.add("survivorId", "validation.required");
		}
		if (others.isEmpty() || others.contains(survivorId)) {
			problems.add("otherIds", "merge.others");
		}
		problems.throwIfAny();
		var survivor = organizations.get(survivorId);
		var merged = others.stream().map(organizations::get).toList();
		for (var organization : merged) {
			access.requireEdit(organization.ownerId(), organization.ownerTeamId());
		}
		access.requireEdit(survivor.ownerId(), survivor.ownerTeamId());
		var all = new ArrayList<Organization>();
		all.add(survivor);
		all.addAll(merged);
		var chosen = choices(fields == null ? Map.of() : fields, all, problems);
		problems.throwIfAny();

		var mergeId = Ids.next();
		var mergedIds = merged.stream().map(Organization::id).toList();
		var ws = WorkspaceContext.workspaceId();
		jdbc.sql("""
				insert into merges (id, workspace_id, entity, survivor_id, merged_ids, fields, merged_by, merged_at)
				values (:id, :ws, 'organization', :survivor, :merged, cast(:fields as jsonb), :by, :at)""")
				.param("id", mergeId).param("ws", ws).param("survivor", survivorId)
				.param("merged", mergedIds.toArray(UUID[]::new)).param("fields", json.write(chosen))
				.param("by", access.currentUser().id()).param("at", Timestamp.from(Instant.now(clock))).update();
		var moved = links.move(mergeId, ENTITY, survivorId, mergedIds);
		// daughters of a merged-away organization become the survivor's (never the survivor its own)
		var daughters = jdbc.sql("""
				with moved as (
				  update organizations o set parent_id = :survivor
				  from (select id as k, parent_id as c from organizations where workspace_id = :ws and parent_id = any(:merged)) old
				  where o.workspace_id = :ws and o.id = old.k and o.id <> :survivor returning old.k, old.c)
				insert into merge_moves (merge_id, workspace_id, table_name, column_name, row_key, from_id)
				select :merge, :ws, 'organizations', 'parent_id', k, c from moved""")
				.param("ws", ws).param("survivor", survivorId).param("merged", mergedIds.toArray(UUID[]::new)).param("merge", mergeId)
				.update();
		if (daughters > 0) {
			moved.put("organizations", daughters);
		}
		var tags = new LinkedHashSet<String>(survivor.tags());
		merged.forEach(o -> tags.addAll(o.tags()));
		var draft = draft(all, chosen, new ArrayList<>(tags), mergedIds);
		organizations.update(survivorId, draft, organizations.get(survivorId).version());

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
		duplicates.forget(ENTITY, mergedIds);
		return organizations.get(survivorId);
	}

	private static Map<String, UUID> choices(Map<String, UUID> asked, List<Organization> all, ValidationException.Collector problems) {
		var ids = all.stream().map(Organization::id).toList();
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
		var recentFirst = all.stream().sorted(Comparator.comparing(Organization::updatedAt).reversed()).toList();
		Map<String, Function<Organization, Object>> values = new LinkedHashMap<>();
		values.put("name", Organization::name);
		values.put("kind", Organization::kind);
		values.put("relationship", Organization::relationship);
		values.put("lifecycleStage", Organization::lifecycleStage);
		values.put("taxCode", Organization::taxCode);
		values.put("industry", Organization::industry);
		values.put("size", Organization::size);
		values.put("website", Organization::website);
		values.put("parent", Organization::parentId);
		values.put("owner", Organization::ownerId);
		for (var field : FIELDS) {
			chosen.computeIfAbsent(field, f -> recentFirst.stream().filter(o -> values.get(f).apply(o) != null).findFirst()
					.orElse(all.getFirst()).id());
		}
		var keys = new LinkedHashSet<String>();
		all.forEach(o -> keys.addAll(o.customFields().keySet()));
		for (var key : keys) {
			chosen.computeIfAbsent("customFields." + key, f -> recentFirst.stream()
					.filter(o -> o.customFields().get(key) != null && !"".equals(o.customFields().get(key))).findFirst()
					.orElse(all.getFirst()).id());
		}
		return chosen;
	}

	private static OrganizationDraft draft(List<Organization> all, Map<String, UUID> chosen, List<String> tags, List<UUID> mergedIds) {
		var byId = new LinkedHashMap<UUID, Organization>();
		all.forEach(o -> byId.put(o.id(), o));
		Function<String, Organization> from = field -> byId.get(chosen.get(field));
		var custom = new LinkedHashMap<String, Object>();
		chosen.forEach((field, id) -> {
			if (field.startsWith("customFields.")) {
				var value = byId.get(id).customFields().get(field.substring("customFields.".length()));
				if (value != null) {
					custom.put(field.substring("customFields.".length()), value);
				}
			}
		});
		var parent = from.apply("parent").parentId();
		if (parent != null && (mergedIds.contains(parent) || parent.equals(all.getFirst().id()))) {
			parent = all.getFirst().parentId() != null && !mergedIds.contains(all.getFirst().parentId()) ? all.getFirst().parentId() : null;
		}
		var owner = from.apply("owner");
		return new OrganizationDraft(from.apply("name").name(), from.apply("kind").kind(), from.apply("relationship").relationship(),
				from.apply("lifecycleStage").lifecycleStage(), from.apply("taxCode").taxCode(), from.apply("industry").industry(),
				from.apply("size").size(), from.apply("website").website(), emails(all), phones(all), addresses(all), parent, tags,
				owner.ownerId(), owner.ownerTeamId(), custom, all.getFirst().externalId());
	}

	private static List<EmailAddress> emails(List<Organization> all) {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<EmailAddress>();
		for (var o : all) {
			for (var e : o.emails()) {
				if (seen.add(e.address().toLowerCase(java.util.Locale.ROOT))) {
					result.add(new EmailAddress(e.address(), e.label(), o == all.getFirst() && e.primary()));
				}
			}
		}
		if (!result.isEmpty() && result.stream().noneMatch(EmailAddress::primary)) {
			result.set(0, new EmailAddress(result.getFirst().address(), result.getFirst().label(), true));
		}
		return result;
	}

	private static List<PhoneNumber> phones(List<Organization> all) {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<PhoneNumber>();
		for (var o : all) {
			for (var p : o.phones()) {
				if (seen.add(p.number())) {
					result.add(new PhoneNumber(p.number(), p.label(), o == all.getFirst() && p.primary()));
				}
			}
		}
		if (!result.isEmpty() && result.stream().noneMatch(PhoneNumber::primary)) {
			result.set(0, new PhoneNumber(result.getFirst().number(), result.getFirst().label(), true));
		}
		return result;
	}

	private static List<Address> addresses(List<Organization> all) {
		var seen = new LinkedHashSet<String>();
		var result = new ArrayList<Address>();
		for (var o : all) {
			for (var address : o.addresses()) {
				if (seen.add(SearchText.fold(address.oneLine()))) {
					result.add(address);
				}
			}
		}
		return result;
	}
}
