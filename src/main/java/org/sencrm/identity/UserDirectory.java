package org.sencrm.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.sencrm.platform.AfterCommit;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Users and teams of the current workspace, for owners, pickers and display. */
@Component
@Transactional(readOnly = true)
public class UserDirectory {

	public record UserSummary(UUID id, String displayName, String email, Role role, boolean active) {
	}

	public record TeamSummary(UUID id, String name) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate readOnly;
	private final Cache<UUID, WorkspaceSettings> workspaces;

	UserDirectory(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${sen.security.principal-cache-ttl:PT5S}") Duration ttl) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.workspaces = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000)
				.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
	}

	public List<UserSummary> users() {
		return jdbc.sql("select id, display_name, email, role, active from users where workspace_id = :ws order by display_name")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new UserSummary(rs.getObject("id", UUID.class), rs.getString("display_name"),
						rs.getString("email"), Role.fromKey(rs.getString("role")), rs.getBoolean("active")))
				.list();
	}

	public Optional<UserSummary> user(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id, display_name, email, role, active from users where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, n) -> new UserSummary(rs.getObject("id", UUID.class), rs.getString("display_name"),
						rs.getString("email"), Role.fromKey(rs.getString("role")), rs.getBoolean("active")))
				.optional();
	}

	/**
	 * Settings of the current workspace. Pages and services ask for them many times a request, so they
	 * are kept for a few seconds ({@code sen.security.principal-cache-ttl}) and read without a
	 * transaction of their own when kept; a change on this node is seen at once ({@link #forgetWorkspace}),
	 * on another within that time.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public WorkspaceSettings workspace() {
		return workspaces.get(WorkspaceContext.workspaceId(), id -> readOnly.execute(status -> jdbc.sql(
				"select * from workspaces where id = :ws").param("ws", id)
				.query((rs, n) -> new WorkspaceSettings(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getString("default_language"), rs.getString("time_zone"), rs.getString("currency"),
						rs.getString("name_order")))
				.single()));
	}

	/** After the workspace's settings changed: now, and again when the change commits. */
	public void forgetWorkspace(UUID workspaceId) {
		workspaces.invalidate(workspaceId);
		AfterCommit.run(() -> workspaces.invalidate(workspaceId));
	}

	public List<TeamSummary> teams() {
		return jdbc.sql("select id, name from teams where workspace_id = :ws order by name")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new TeamSummary(rs.getObject("id", UUID.class), rs.getString("name")))
				.list();
	}

	/** The active members of a team, ordered by id (a stable order for taking turns). */
	public List<UUID> activeMembers(UUID teamId) {
		return jdbc.sql("""
				select u.id from team_members m join users u on u.id = m.user_id
				where m.workspace_id = :ws and m.team_id = :team and u.active order by u.id""")
				.param("ws", WorkspaceContext.workspaceId()).param("team", teamId).query(UUID.class).list();
	}

	public Optional<TeamSummary> team(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id, name from teams where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, n) -> new TeamSummary(rs.getObject("id", UUID.class), rs.getString("name")))
				.optional();
	}
}
