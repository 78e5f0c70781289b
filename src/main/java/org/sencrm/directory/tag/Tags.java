package org.sencrm.directory.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags of a workspace and their links to persons and organizations. */
@Service
public class Tags {

	private static final int MAX_LENGTH = 60;
	private static final Map<String, String> LINK_TABLES = Map.of("person", "person_tags", "organization", "organization_tags");
	private static final Map<String, String> LINK_COLUMNS = Map.of("person", "person_id", "organization", "organization_id");

	private final JdbcClient jdbc;
	private final Access access;

	Tags(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<Tag> all() {
		return jdbc.sql("select id, name, color from tags where workspace_id = :ws order by lower(name)")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new Tag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("color")))
				.list();
	}

	@Transactional
	public Tag create(String name, String color) {
		access.requireWrite();
		var clean = check(name, "name");
		var tag = resolve(List.of(clean)).getFirst();
		if (color != null && !color.isBlank()) {
			jdbc.sql("update tags set color = :color where workspace_id = :ws and id = :id").param("color", color.strip())
					.param("ws", WorkspaceContext.workspaceId()).param("id", tag.id()).update();
			return new Tag(tag.id(), tag.name(), color.strip());
		}
		return tag;
	}

	@Transactional
	public void remove(UUID id) {
		access.requireAdmin();
		if (jdbc.sql("delete from tags where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).update() == 0) {
			throw new NotFoundException("entity.tag");
		}
	}

	/** Cleans tag names as given on a record; problems are reported on {@code field}. */
	public List<String> clean(List<String> names, String field, ValidationException.Collector problems) {
		var clean = new ArrayList<String>();
		if (names == null) {
			return clean;
		}
		for (var name : names) {
			if (name == null || name.isBlank()) {
				continue;
			}
			if (name.strip().length() > MAX_LENGTH) {
				problems.add(field, "validation.too-long");
				continue;
			}
			if (clean.stream().noneMatch(n -> n.equalsIgnoreCase(name.strip()))) {
				clean.add(name.strip());
			}
		}
		return clean;
	}

	/** The tags with these names, in their order, creating the missing ones: two statements for any number of names. */
	public List<Tag> resolve(List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		var workspace = WorkspaceContext.workspaceId();
		var given = names.toArray(String[]::new);
		var ids = names.stream().map(n -> Ids.next()).toArray(UUID[]::new);
		jdbc.sql("""
				insert into tags (id, workspace_id, name)
				select g.id, :ws, g.name from unnest(:ids, :names) as g (id, name)
				on conflict do nothing""")
				.param("ids", ids).param("ws", workspace).param("names", given).update();
		return jdbc.sql("""
				select distinct on (t.id) t.id, t.name, t.color, g.position
				from unnest(:names) with ordinality as g (name, position)
				join tags t on t.workspace_id = :ws and lower(t.name) = lower(g.name)
				order by t.id, g.position""")
				.param("ws", workspace).param("names", given)
				.query((rs, n) -> java.util.Map.entry(rs.getLong("position"),
						new Tag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("color"))))
				.list().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
	}

	/** Replaces the tags of a record; returns the tag names now on it. */
	public List<String> set(String entity, UUID recordId, List<String> names) {
		jdbc.sql("delete from " + LINK_TABLES.get(entity) + " where workspace_id = :ws and " + LINK_COLUMNS.get(entity) + " = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", recordId).update();
		return add(entity, recordId, names);
	}

	/** Tags a record that has none yet (just created); returns the tag names now on it. */
	public List<String> add(String entity, UUID recordId, List<String> names) {
		var table = LINK_TABLES.get(entity);
		var column = LINK_COLUMNS.get(entity);
		var workspace = WorkspaceContext.workspaceId();
		var tags = resolve(names);
		if (!tags.isEmpty()) {
			jdbc.sql("insert into " + table + " (" + column + ", tag_id, workspace_id) select :id, t, :ws from unnest(:tags) as t")
					.param("id", recordId).param("tags", tags.stream().map(Tag::id).toArray(UUID[]::new)).param("ws", workspace)
					.update();
		}
		return tags.stream().map(Tag::name).toList();
	}

	/** Tag names of many records at once, for lists. */
	public Map<UUID, List<String>> of(String entity, List<UUID> recordIds) {
		if (recordIds.isEmpty()) {
			return Map.of();
		}
		var column = LINK_COLUMNS.get(entity);
		record Link(UUID record, String name) {
		}
		return jdbc.sql("select l." + column + ", t.name from " + LINK_TABLES.get(entity) + " l join tags t on t.id = l.tag_id"
				+ " where l.workspace_id = :ws and l." + column + " = any(:ids) order by lower(t.name)")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", recordIds.toArray(UUID[]::new))
				.query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2)))
				.list().stream()
				.collect(Collectors.groupingBy(Link::record, Collectors.mapping(Link::name, Collectors.toList())));
	}

	private String check(String name, String field) {
		var problems = new ValidationException.Collector();
		if (name == null || name.isBlank()) {
			problems.add(field, "validation.required");
		} else if (name.strip().length() > MAX_LENGTH) {
			problems.add(field, "validation.too-long");
		}
		problems.throwIfAny();
		return name.strip();
	}
}
