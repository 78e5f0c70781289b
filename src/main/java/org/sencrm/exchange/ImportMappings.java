package org.sencrm.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mappings saved for next time, per type of record and name, shared in the workspace: the same
 * monthly export from the old system maps the same way every month. Saving under a name that exists
 * replaces it.
 */
@Service
class ImportMappings {

	record SavedMapping(UUID id, String type, String name, Map<String, String> mapping) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Access access;
	private final ImportKinds kinds;
	private final Clock clock;

	ImportMappings(JdbcClient jdbc, JsonMapper json, Access access, ImportKinds kinds, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.kinds = kinds;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<SavedMapping> of(String type) {
		access.requireWrite();
		return jdbc.sql("select id, type, name, mapping::text as mapping from import_mappings where workspace_id = :ws and type = :type order by lower(name)")
				.param("ws", WorkspaceContext.workspaceId()).param("type", type)
				.query((rs, n) -> new SavedMapping(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
						json.readValue(rs.getString("mapping"), new TypeReference<java.util.LinkedHashMap<String, String>>() {
						})))
				.list();
	}

	@Transactional(readOnly = true)
	public SavedMapping get(UUID id) {
		access.requireWrite();
		return jdbc.sql("select id, type, name, mapping::text as mapping from import_mappings where id = :id").param("id", id)
				.query((rs, n) -> new SavedMapping(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
						json.readValue(rs.getString("mapping"), new TypeReference<java.util.LinkedHashMap<String, String>>() {
						})))
				.optional().orElseThrow(() -> new NotFoundException("entity.import-mapping"));
	}

	@Transactional
	public SavedMapping save(String type, String name, Map<String, String> mapping) {
		access.requireWrite();
		var kind = kinds.get(type);
		var problems = new ValidationException.Collector();
		var clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			problems.add("name", "validation.required");
		} else if (clean.length() > 100) {
			problems.add("name", "validation.too-long");
		}
		var keys = kind.fields().stream().map(ImportField::key).toList();
		if (mapping == null || mapping.isEmpty()) {
			problems.add("mapping", "validation.required");
		} else {
			mapping.forEach((column, field) -> {
				if (!keys.contains(field)) {
					problems.add("mapping." + column, "import.field-unknown", field);
				}
			});
		}
		problems.throwIfAny();
		var id = jdbc.sql("""
				insert into import_mappings (id, workspace_id, type, name, mapping, created_by, created_at)
				values (:id, :ws, :type, :name, cast(:mapping as jsonb), :by, :at)
				on conflict (workspace_id, type, name) do update set mapping = excluded.mapping
				returning id""")
				.param("id", Ids.next()).param("ws", WorkspaceContext.workspaceId()).param("type", type).param("name", clean)
				.param("mapping", json.writeValueAsString(mapping)).param("by", access.currentUser().id())
				.param("at", Timestamp.from(Instant.now(clock))).query(UUID.class).single();
		return new SavedMapping(id, type, clean, mapping);
	}
}
