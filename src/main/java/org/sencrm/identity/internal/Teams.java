package org.sencrm.identity.internal;

import java.util.List;
import java.util.UUID;

import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of users; a record owned by a team may be edited by its members. */
@Service
public class Teams {

	public record Team(UUID id, String name, List<UUID> memberIds) {
	}

	private final JdbcClient jdbc;
	private final Principals principals;

	Teams(JdbcClient jdbc, Principals principals) {
		this.jdbc = jdbc;
		this.principals = principals;
	}

	@Transactional
	public Team create(String name, List<UUID> memberIds) {
		if (name == null || name.isBlank()) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("name", "validation.required")));
		}
		var id = Ids.next();
		try {
			jdbc.sql("insert into teams (id, workspace_id, name) values (:id, :ws, :name)")
					.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("name", name.strip()).update();
		} catch (DuplicateKeyException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("name", "validation.team-taken")));
		}
		setMembers(id, memberIds == null ? List.of() : memberIds);
		return get(id);
	}

	@Transactional
	public Team setMembers(UUID teamId, List<UUID> memberIds) {
		get(teamId);
		var workspace = WorkspaceContext.workspaceId();
		var problems = new ValidationException.Collector();
		for (int i = 0; i < memberIds.size(); i++) {
			var exists = jdbc.sql("select exists (select 1 from users where workspace_id = :ws and id = :id)")
					.param("ws", workspace).param("id", memberIds.get(i)).query(Boolean.class).single();
			if (!exists) {
				problems.add("memberIds[" + i + "]", "validation.owner");
			}
		}
		problems.throwIfAny();
		jdbc.sql("delete from team_members where workspace_id = :ws and team_id = :team").param("ws", workspace)
				.param("team", teamId).update();
		for (var member : memberIds.stream().distinct().toList()) {
			jdbc.sql("insert into team_members (team_id, user_id, workspace_id) values (:team, :user, :ws)")
					.param("team", teamId).param("user", member).param("ws", workspace).update();
		}
		principals.forgetAll();
		return get(teamId);
	}

	@Transactional(readOnly = true)
	public Team get(UUID id) {
		var workspace = WorkspaceContext.workspaceId();
		var name = jdbc.sql("select name from teams where workspace_id = :ws and id = :id").param("ws", workspace).param("id", id)
				.query(String.class).optional().orElseThrow(() -> new NotFoundException("entity.team"));
		var members = jdbc.sql("select user_id from team_members where workspace_id = :ws and team_id = :id")
				.param("ws", workspace).param("id", id).query(UUID.class).list();
		return new Team(id, name, members);
	}

	@Transactional(readOnly = true)
	public List<Team> all() {
		return jdbc.sql("select id from teams where workspace_id = :ws order by name").param("ws", WorkspaceContext.workspaceId())
				.query(UUID.class).list().stream().map(this::get).toList();
	}

	/** Deletes a team; one that still owns customer records is refused (the records would lose their team). */
	@Transactional
	public void delete(UUID id) {
		int deleted;
		try {
			deleted = jdbc.sql("delete from teams where workspace_id = :ws and id = :id").param("ws", WorkspaceContext.workspaceId())
					.param("id", id).update();
		} catch (DataIntegrityViolationException stillOwnsRecords) {
			throw new DomainException("error.team-in-use");
		}
		if (deleted == 0) {
			throw new NotFoundException("entity.team");
		}
		principals.forgetAll();
	}
}
