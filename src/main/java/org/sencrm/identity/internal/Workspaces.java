package org.sencrm.identity.internal;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.Role;
import org.sencrm.identity.WorkspaceCreated;
import org.sencrm.identity.UserDirectory;
import org.sencrm.identity.WorkspaceSettings;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating workspaces (tenants) with their first administrator, and their settings. */
@Service
public class Workspaces {

	private final JdbcClient jdbc;
	private final Users users;
	private final Teams teams;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final UserDirectory directory;

	Workspaces(JdbcClient jdbc, Users users, Teams teams, org.springframework.context.ApplicationEventPublisher events,
			UserDirectory directory) {
		this.jdbc = jdbc;
		this.users = users;
		this.teams = teams;
		this.events = events;
		this.directory = directory;
	}

	/** A workspace to create; {@code temporaryPassword}: its admin must change the password at the first sign-in. */
	public record NewWorkspace(String name, String adminEmail, String adminPassword, String adminName,
			String defaultLanguage, boolean instanceAdmin, boolean demo, boolean temporaryPassword) {

		public NewWorkspace(String name, String adminEmail, String adminPassword, String adminName, String defaultLanguage,
				boolean instanceAdmin, boolean demo) {
			this(name, adminEmail, adminPassword, adminName, defaultLanguage, instanceAdmin, demo, false);
		}

		public NewWorkspace(String name, String adminEmail, String adminPassword, String adminName, String defaultLanguage,
				boolean instanceAdmin) {
			this(name, adminEmail, adminPassword, adminName, defaultLanguage, instanceAdmin, false);
		}
	}

	/** Creates a workspace and its first admin in one transaction; returns the workspace id. */
	public UUID create(NewWorkspace request) {
		var problems = new ValidationException.Collector();
		if (request.name() == null || request.name().isBlank()) {
			problems.add("name", "validation.required");
		}
		users.validateNewLogin(request.adminEmail(), request.adminName(), request.adminPassword(), "adminEmail", "adminPassword",
				problems);
		problems.throwIfAny();
		var id = Ids.next();
		return WorkspaceContext.callAsSystem(id, () -> users.inTransaction(() -> {
			jdbc.sql("insert into workspaces (id, name, default_language) values (:id, :name, :language)")
					.param("id", id).param("name", request.name().strip())
					.param("language", "en".equals(request.defaultLanguage()) ? "en" : "vi")
					.update();
			var adminName = request.adminName() == null || request.adminName().isBlank()
					? request.adminEmail().strip() : request.adminName().strip();
			var adminId = users.insert(id, request.adminEmail(), adminName, Role.ADMIN, request.adminPassword(),
					request.instanceAdmin(), request.temporaryPassword());
			if (request.demo()) {
				demoColleagues(id);
			}
			events.publishEvent(new WorkspaceCreated(id, adminId, request.demo()));
			return id;
		}));
	}

	/** Colleagues in the demo workspace who own demo records; random passwords (sign in as the administrator). */
	private void demoColleagues(UUID workspaceId) {
		var password = UUID.randomUUID().toString();
		var lan = users.insert(workspaceId, "lan.tran@demo.sen.local", "Trần Thị Lan", Role.SALES, password, false, true);
		var minh = users.insert(workspaceId, "minh.le@demo.sen.local", "Lê Quang Minh", Role.SALES, password, false, true);
		users.insert(workspaceId, "hoa.pham@demo.sen.local", "Phạm Thu Hoa", Role.MANAGER, password, false, true);
		users.insert(workspaceId, "david.miller@demo.sen.local", "David Miller", Role.VIEWER, password, false, true);
		teams.create("Kinh doanh miền Bắc", List.of(lan, minh));
	}

	@Transactional(readOnly = true)
	public List<WorkspaceSettings> all() {
		return jdbc.sql("select * from workspaces order by created_at").query(Workspaces::settings).list();
	}

	@Transactional(readOnly = true)
	public boolean any() {
		return jdbc.sql("select exists (select 1 from workspaces)").query(Boolean.class).single();
	}

	@Transactional(readOnly = true)
	public Optional<WorkspaceSettings> find(UUID id) {
		return jdbc.sql("select * from workspaces where id = :id").param("id", id).query(Workspaces::settings).optional();
	}

	public WorkspaceSettings current() {
		return find(WorkspaceContext.workspaceId()).orElseThrow(() -> new NotFoundException("entity.workspace"));
	}

	@Transactional
	public void update(UUID id, String name, String defaultLanguage, String timeZone, String currency, String nameOrder) {
		var problems = new ValidationException.Collector();
		if (name == null || name.isBlank()) {
			problems.add("name", "validation.required");
		}
		if (!List.of("vi", "en").contains(defaultLanguage)) {
			problems.add("defaultLanguage", "validation.choice");
		}
		try {
			ZoneId.of(timeZone);
		} catch (RuntimeException e) {
			problems.add("timeZone", "validation.time-zone");
		}
		try {
			Currency.getInstance(currency);
		} catch (RuntimeException e) {
			problems.add("currency", "validation.currency");
		}
		if (!WorkspaceSettings.NAME_ORDERS.contains(nameOrder)) {
			problems.add("nameOrder", "validation.choice");
		}
		problems.throwIfAny();
		jdbc.sql("""
				update workspaces set name = :name, default_language = :language, time_zone = :zone, currency = :currency,
				name_order = :nameOrder, version = version + 1 where id = :id""")
				.param("name", name.strip()).param("language", defaultLanguage).param("zone", timeZone)
				.param("currency", currency).param("nameOrder", nameOrder).param("id", id)
				.update();
		directory.forgetWorkspace(id);
	}

	/**
	 * Sets which roles of the workspace may export lists (decision 20). Unknown role keys are refused;
	 * an empty list means nobody exports.
	 */
	@Transactional
	public void allowExport(UUID id, java.util.Collection<String> roleKeys) {
		var problems = new ValidationException.Collector();
		var keys = new java.util.TreeSet<String>();
		for (var key : roleKeys == null ? List.<String>of() : roleKeys) {
			if (key == null || java.util.Arrays.stream(Role.values()).noneMatch(r -> r.key().equals(key))) {
				problems.add("exportRoles", "validation.choice");
			} else {
				keys.add(key);
			}
		}
		problems.throwIfAny();
		jdbc.sql("update workspaces set export_roles = :roles, version = version + 1 where id = :id")
				.param("roles", keys.toArray(String[]::new)).param("id", id).update();
	}

	@Transactional(readOnly = true)
	public boolean requiresTwoFactor() {
		return jdbc.sql("select require_two_factor from workspaces where id = :id").param("id", WorkspaceContext.workspaceId())
				.query(Boolean.class).single();
	}

	/** Everyone in the current workspace must use two-factor sign-in (asked to set it up at the next sign-in). */
	@Transactional
	public void requireTwoFactor(boolean required) {
		jdbc.sql("update workspaces set require_two_factor = :required, version = version + 1 where id = :id")
				.param("required", required).param("id", WorkspaceContext.workspaceId()).update();
	}

	private static WorkspaceSettings settings(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new WorkspaceSettings(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("default_language"),
				rs.getString("time_zone"), rs.getString("currency"), rs.getString("name_order"));
	}
}
