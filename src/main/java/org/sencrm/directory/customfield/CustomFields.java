package org.sencrm.directory.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom field definitions of a workspace, and the checking of values against them. */
@Service
public class CustomFields {

	private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	private final JdbcClient jdbc;
	private final Access access;

	CustomFields(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<CustomFieldDefinition> of(String entity) {
		return jdbc.sql("select * from custom_field_definitions where workspace_id = :ws and entity = :entity order by position, key")
				.param("ws", WorkspaceContext.workspaceId()).param("entity", entity)
				.query((rs, n) -> new CustomFieldDefinition(rs.getObject("id", UUID.class), rs.getString("entity"), rs.getString("key"),
						rs.getString("label"), rs.getString("type"), List.of((String[]) rs.getArray("options").getArray()),
						rs.getBoolean("required"), rs.getInt("position"), rs.getInt("version")))
				.list();
	}

	@Transactional(readOnly = true)
	public List<CustomFieldDefinition> all() {
		var all = new ArrayList<>(of("person"));
		all.addAll(of("organization"));
		return all;
	}

	@Transactional
	public CustomFieldDefinition define(String entity, String key, String label, String type, List<String> options,
			boolean required, int position) {
		access.requireAdmin();
		var problems = new ValidationException.Collector();
		if (entity == null || !CustomFieldDefinition.ENTITIES.contains(entity)) {
			problems.add("entity", "validation.choice");
		}
		if (key == null || !KEY.matcher(key).matches()) {
			problems.add("key", "validation.field-key");
		}
		if (label == null || label.isBlank()) {
			problems.add("label", "validation.required");
		}
		if (type == null || !CustomFieldDefinition.TYPES.contains(type)) {
			problems.add("type", "validation.choice");
		}
		var cleanOptions = options == null ? List.<String>of()
				: options.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).distinct().toList();
		if (("choice".equals(type) || "multi_choice".equals(type)) && cleanOptions.isEmpty()) {
			problems.add("options", "validation.options");
		}
		problems.throwIfAny();
		var id = Ids.next();
		try {
			jdbc.sql("""
					insert into custom_field_definitions (id, workspace_id, entity, key, label, type, options, required, position)
					values (:id, :ws, :entity, :key, :label, :type, :options, :required, :position)""")
					.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("entity", entity).param("key", key)
					.param("label", label.strip()).param("type", type).param("options", cleanOptions.toArray(String[]::new))
					.param("required", required).param("position", position)
					.update();
		} catch (DuplicateKeyException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("key", "validation.field-key-taken")));
		}
		return new CustomFieldDefinition(id, entity, key, label.strip(), type, cleanOptions, required, position, 0);
	}

	/** Removes a field and its values from every record, so no record keeps a value for a field that is gone. */
	@Transactional
	public void remove(UUID id) {
		access.requireAdmin();
		var workspace = WorkspaceContext.workspaceId();
		record Removed(String entity, String key) {
		}
		var removed = jdbc.sql("delete from custom_field_definitions where workspace_id = :ws and id = :id returning entity, key")
				.param("ws", workspace).param("id", id).query((rs, n) -> new Removed(rs.getString(1), rs.getString(2)))
				.optional().orElseThrow(() -> new NotFoundException("entity.custom-field"));
		var table = "person".equals(removed.entity()) ? "persons" : "organizations";
		jdbc.sql("update " + table + " set custom_fields = custom_fields - :key where workspace_id = :ws and jsonb_exists(custom_fields, :key)")
				.param("key", removed.key()).param("ws", workspace).update();
	}

	/**
	 * Checks values against the definitions of the entity and returns them in canonical form
	 * (numbers as numbers, dates as ISO text, choices from their options). Unknown keys are errors.
	 */
	public Map<String, Object> validate(String entity, Map<String, Object> values, ValidationException.Collector problems) {
		var definitions = of(entity);
		var clean = new LinkedHashMap<String, Object>();
		var given = values == null ? Map.<String, Object>of() : values;
		for (var key : given.keySet()) {
			if (definitions.stream().noneMatch(d -> d.key().equals(key))) {
				problems.add("customFields." + key, "validation.unknown-field");
			}
		}
		for (var definition : definitions) {
			var field = "customFields." + definition.key();
			var value = given.get(definition.key());
			if (value == null || value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty()) {
				if (definition.required()) {
					problems.add(field, "validation.required");
				}
				continue;
			}
			try {
				clean.put(definition.key(), canonical(definition, value));
			} catch (DomainException e) {
				problems.add(field, e.code(), definition.label());
			}
		}
		return clean;
	}

	private static Object canonical(CustomFieldDefinition definition, Object value) {
		return switch (definition.type()) {
			case "text" -> {
				var text = String.valueOf(value).strip();
				if (text.length() > 2000) {
					throw new DomainException("validation.too-long");
				}
				yield text;
			}
			case "number" -> {
				try {
					yield new BigDecimal(String.valueOf(value).strip());
				} catch (NumberFormatException e) {
					throw new DomainException("validation.number");
				}
			}
			case "date" -> {
				try {
					yield LocalDate.parse(String.valueOf(value).strip()).toString();
				} catch (DateTimeParseException e) {
					throw new DomainException("validation.date");
				}
			}
			case "boolean" -> {
				var text = String.valueOf(value).strip().toLowerCase();
				if (!List.of("true", "false", "on", "yes", "no").contains(text)) {
					throw new DomainException("validation.boolean");
				}
				yield text.equals("true") || text.equals("on") || text.equals("yes");
			}
			case "choice" -> {
				var text = String.valueOf(value).strip();
				if (!definition.options().contains(text)) {
					throw new DomainException("validation.choice");
				}
				yield text;
			}
			case "multi_choice" -> {
				var items = value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
						: List.of(String.valueOf(value).split(","));
				var chosen = items.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
				if (!definition.options().containsAll(chosen)) {
					throw new DomainException("validation.choice");
				}
				yield chosen;
			}
			default -> throw new DomainException("validation.choice");
		};
	}
}
