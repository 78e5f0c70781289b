package org.sencrm.identity.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.sencrm.identity.CurrentUser;
import org.sencrm.identity.Role;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.Email;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Users of a workspace and their logins. Only admins manage them (checked by the callers' facade). */
@Service
public class Users {


	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final PasswordRules rules;
	private final TransactionTemplate transactions;
	private final Principals principals;

	Users(JdbcClient jdbc, PasswordEncoder passwords, PasswordRules rules, PlatformTransactionManager transactionManager,
			Principals principals) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.rules = rules;
		this.transactions = new TransactionTemplate(transactionManager);
		this.principals = principals;
	}

	<T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	void validateNewLogin(String email, String displayName, String password, String emailField, String passwordField,
			ValidationException.Collector problems) {
		if (!Email.isValid(email)) {
			problems.add(emailField, "validation.email");
		} else if (emailTaken(email)) {
			problems.add(emailField, "validation.email-taken");
		}
		rules.check(password, passwordField, problems, email, displayName);
	}

	private boolean emailTaken(String email) {
		return jdbc.sql("select exists (select 1 from credentials where email = :email)")
				.param("email", normalise(email)).query(Boolean.class).single();
	}

	/**
	 * Inserts a user and its credentials into the workspace; the caller holds the transaction. A
	 * temporary password must be changed at the first sign-in.
	 */
	UUID insert(UUID workspaceId, String email, String displayName, Role role, String password, boolean instanceAdmin,
			boolean temporaryPassword) {
		var id = Ids.next();
		jdbc.sql("""
				insert into users (id, workspace_id, email, display_name, role, instance_admin)
				values (:id, :ws, :email, :name, :role, :instanceAdmin)""")
				.param("id", id).param("ws", workspaceId).param("email", normalise(email))
				.param("name", displayName).param("role", role.key()).param("instanceAdmin", instanceAdmin)
				.update();
		jdbc.sql("""
				insert into credentials (email, user_id, workspace_id, password_hash, must_change_password)
				values (:email, :id, :ws, :hash, :temporary)""")
				.param("email", normalise(email)).param("id", id).param("ws", workspaceId)
				.param("hash", passwords.encode(password)).param("temporary", temporaryPassword)
				.update();
		return id;
	}

	/** A new user whose password is their own (not to be changed at the first sign-in). */
	public UUID create(String email, String displayName, Role role, String password) {
		return create(email, displayName, role, password, false);
	}

	/**
	 * A new user of the current workspace. An administrator who types a first password for someone
	 * else knows it, so it is normally temporary: the user must change it at the first sign-in.
	 */
	public UUID create(String email, String displayName, Role role, String password, boolean temporaryPassword) {
		var problems = new ValidationException.Collector();
		validateNewLogin(email, displayName, password, "email", "password", problems);
		if (displayName == null || displayName.isBlank()) {
			problems.add("displayName", "validation.required");
		}
		if (role == null) {
			problems.add("role", "validation.required");
		}
		problems.throwIfAny();
		return inTransaction(() -> insert(WorkspaceContext.workspaceId(), email, displayName.strip(), role, password, false,
				temporaryPassword));
	}

	public void update(UUID id, String displayName, Role role, boolean active) {
		var problems = new ValidationException.Collector();
		if ((role != Role.ADMIN || !active) && isLastActiveAdmin(id)) {
			problems.add(role != Role.ADMIN ? "role" : "active", "validation.last-admin");
		}
		if (displayName == null || displayName.isBlank()) {
			problems.add("displayName", "validation.required");
		}
		if (role == null) {
			problems.add("role", "validation.required");
		}
		problems.throwIfAny();
		inTransaction(() -> {
			var updated = jdbc.sql("""
					update users set display_name = :name, role = :role, active = :active, version = version + 1
					where workspace_id = :ws and id = :id""")
					.param("name", displayName.strip()).param("role", role.key()).param("active", active)
					.param("ws", WorkspaceContext.workspaceId()).param("id", id)
					.update();
			if (updated == 0) {
				throw new NotFoundException("entity.user");
			}
			principals.forget(id);
			return null;
		});
	}

	/** Is this user the only active administrator of the workspace? A workspace always keeps one. */
	private boolean isLastActiveAdmin(UUID id) {
		return inTransaction(() -> jdbc.sql("""
				select coalesce(count(*) filter (where id <> :id) = 0 and bool_or(id = :id), false)
				from users where workspace_id = :ws and role = 'admin' and active""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).query(Boolean.class).optional().orElse(false));
	}

	public void setLanguage(UUID id, String language) {
		inTransaction(() -> jdbc.sql("update users set language = :language where workspace_id = :ws and id = :id")
				.param("language", language).param("ws", WorkspaceContext.workspaceId()).param("id", id).update());
		principals.forget(id);
	}

	/** The user as a principal, for work done on its behalf; the caller has bound the workspace. */
	public CurrentUser find(UUID id) {
		return load(id);
	}

	/**
	 * The active user behind a request (a session or a token), read at most every few seconds
	 * ({@link Principals}); {@code NotFoundException} when missing or deactivated.
	 */
	CurrentUser principal(UUID workspaceId, UUID id) {
		return principals.of(workspaceId, id, () -> WorkspaceContext.callAsSystem(workspaceId, () -> load(id)));
	}

	/** Loads the user as a session principal; the caller has bound the workspace. */
	CurrentUser load(UUID id) {
		return inTransaction(() -> {
			var user = jdbc.sql("""
					select id, workspace_id, email, display_name, role, instance_admin, language from users
					where workspace_id = :ws and id = :id and active""")
					.param("ws", WorkspaceContext.workspaceId()).param("id", id)
					.query((rs, n) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
							rs.getString("email"), rs.getString("display_name"), Role.fromKey(rs.getString("role")),
							rs.getBoolean("instance_admin"), Set.of(), rs.getString("language")))
					.optional().orElseThrow(() -> new NotFoundException("entity.user"));
			Set<UUID> teams = new HashSet<>(jdbc.sql("select team_id from team_members where workspace_id = :ws and user_id = :id")
					.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(UUID.class).list());
			return new CurrentUser(user.id(), user.workspaceId(), user.email(), user.displayName(), user.role(),
					user.instanceAdmin(), Set.copyOf(teams), user.language());
		});
	}

	/** The default language of the current workspace. */
	String workspaceLanguage() {
		return inTransaction(() -> jdbc.sql("select default_language from workspaces where id = :ws")
				.param("ws", WorkspaceContext.workspaceId()).query(String.class).optional().orElse(null));
	}

	static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}
}
