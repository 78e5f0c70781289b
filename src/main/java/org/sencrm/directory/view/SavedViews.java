package org.sencrm.directory.view;

import java.util.List;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's saved list views. A view stores the list's filters as a query string, e.g. {@code tag=VIP&status=existing}. */
@Service
public class SavedViews {

	private static final List<String> ENTITIES = List.of("person", "organization");

	private final JdbcClient jdbc;
	private final Access access;

	SavedViews(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<SavedView> mine(String entity) {
		return jdbc.sql("select id, entity, name, query from saved_views where workspace_id = :ws and user_id = :user and entity = :entity order by lower(name)")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id()).param("entity", entity)
				.query((rs, n) -> new SavedView(rs.getObject("id", UUID.class), rs.getString("entity"), rs.getString("name"),
						rs.getString("query")))
				.list();
	}

	@Transactional
	public SavedView save(String entity, String name, String query) {
		var problems = new ValidationException.Collector();
		if (entity == null || !ENTITIES.contains(entity)) {
			problems.add("entity", "validation.choice");
		}
		if (name == null || name.isBlank()) {
			problems.add("name", "validation.required");
		} else if (name.strip().length() > 100) {
			problems.add("name", "validation.too-long");
		}
		var cleanQuery = query == null ? "" : query.strip().replaceFirst("^\\?", "").replaceAll("(^|&)cursor=[^&]*", "");
		if (cleanQuery.length() > 2000) {
			problems.add("query", "validation.too-long");
		}
		problems.throwIfAny();
		var id = Ids.next();
		jdbc.sql("insert into saved_views (id, workspace_id, user_id, entity, name, query) values (:id, :ws, :user, :entity, :name, :query)")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id())
				.param("entity", entity).param("name", name.strip()).param("query", cleanQuery)
				.update();
		return new SavedView(id, entity, name.strip(), cleanQuery);
	}

	@Transactional
	public void delete(UUID id) {
		var deleted = jdbc.sql("delete from saved_views where workspace_id = :ws and user_id = :user and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id()).param("id", id).update();
		if (deleted == 0) {
			throw new NotFoundException("entity.view");
		}
	}
}
