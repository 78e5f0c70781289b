package org.sencrm.identity;

import java.util.UUID;

import org.sencrm.platform.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access rules by function and authority, enforced by services (not only by hidden buttons).
 * Every role reads the records of its workspace; who may change them is decided here.
 */
@Component
public class Access {

	private final JdbcClient jdbc;

	Access(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CurrentUser currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		throw new AccessDeniedException("sign-in");
	}

	/** Is this the signed-in user making the request (false without one)? */
	public boolean isCurrentUser(UUID id) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return id != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.id().equals(id);
	}

	/** Throws unless the current user may edit a record with this owner and owning team. */
	public void requireEdit(UUID ownerId, UUID ownerTeamId) {
		if (!currentUser().canEdit(ownerId, ownerTeamId)) {
			throw new AccessDeniedException("edit");
		}
	}

	/** Throws unless the current user may create records at all. */
	public void requireWrite() {
		if (!currentUser().role().writes()) {
			throw new AccessDeniedException("create");
		}
	}

	/** Throws unless the current user administers the workspace. */
	public void requireAdmin() {
		if (!currentUser().isAdmin()) {
			throw new AccessDeniedException("administer");
		}
	}

	public void requireInstanceAdmin() {
		if (!currentUser().instanceAdmin()) {
			throw new AccessDeniedException("administer-instance");
		}
	}

	/** May the current user assign records to another owner? Only those who edit everything. */
	public boolean canReassign() {
		return currentUser().role().editsEverything();
	}

	/**
	 * May the current user download lists (CSV export)? Export is a right of its own: the roles the
	 * workspace's administrator chose (admins and managers unless changed; decision 20).
	 */
	public boolean mayExport() {
		var user = currentUser();
		return exportRoles(user.workspaceId()).contains(user.role());
	}

	/** Throws unless the current user may export; every export checks this before it writes a byte. */
	public void requireExport() {
		if (!mayExport()) {
			throw new AccessDeniedException("export");
		}
	}

	/** The roles that may export in this workspace. */
	public java.util.Set<Role> exportRoles(UUID workspaceId) {
		var keys = jdbc.sql("select unnest(export_roles) from workspaces where id = :id").param("id", workspaceId)
				.query(String.class).list();
		var roles = java.util.EnumSet.noneOf(Role.class);
		keys.forEach(key -> roles.add(Role.fromKey(key)));
		return roles;
	}
}
