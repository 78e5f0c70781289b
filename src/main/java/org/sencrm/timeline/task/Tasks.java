package org.sencrm.timeline.task;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks: create, complete (a repeating task then schedules its next occurrence), list. The
 * assignee, the creator and those who edit everything may change a task.
 */
@Service
public class Tasks {

	private static final String SELECT = "select t.*, u.display_name as assignee_name from tasks t join users u on u.id = t.assignee_id";

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final Customers customers;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	Tasks(JdbcClient jdbc, Access access, UserDirectory users, Customers customers, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.customers = customers;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Task get(UUID id) {
		return jdbc.sql(SELECT + " where t.workspace_id = :ws and t.id = :id").param("ws", WorkspaceContext.workspaceId())
				.param("id", id).query(Tasks::task).optional().orElseThrow(() -> new NotFoundException("entity.task"));
	}

	@Transactional
	public Task create(TaskDraft draft) {
		access.requireWrite();
		var user = access.currentUser();
		var assignee = draft.assigneeId() == null ? user.id() : draft.assigneeId();
		check(draft, assignee);
		var id = Ids.next();
		insert(id, draft, assignee, user.id());
		history.created("task", id, java.util.Map.of("title", draft.title().strip(), "assigneeId", assignee.toString()));
		return get(id);
	}

	/**
	 * Creates a task on behalf of another module (a renewal reminder), as the system: no user's
	 * access check, the creator left empty, linked to the module's record. See {@code timeline.FollowUpTasks}.
	 */
	@Transactional
	public Task createForSystem(TaskDraft draft, String recordType, UUID recordId) {
		var assignee = draft.assigneeId();
		check(draft, assignee);
		var id = Ids.next();
		insert(id, draft, assignee, null);
		if (recordType != null) {
			jdbc.sql("update tasks set record_type = :type, record_id = :record where workspace_id = :ws and id = :id")
					.param("type", recordType).param("record", recordId).param("ws", WorkspaceContext.workspaceId()).param("id", id)
					.update();
		}
		history.created("task", id, java.util.Map.of("title", draft.title().strip(), "assigneeId", assignee.toString()));
		return get(id);
	}

	/** Marks a task done; a repeating task gets its next occurrence, due the set number of days later. */
	@Transactional
	public Task complete(UUID id, int expectedVersion) {
		var task = get(id);
		requireChange(task);
		var updated = jdbc.sql("""
				update tasks set status = 'done', completed_at = now(), version = version + 1
				where workspace_id = :ws and id = :id and version = :version and status = 'open'""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		history.updated("task", id, java.util.Map.of("status", task.status()), java.util.Map.of("status", "done"));
		if (task.repeatEveryDays() != null) {
			var base = task.dueAt() == null ? Instant.now(clock) : task.dueAt();
			var next = base.plus(Duration.ofDays(task.repeatEveryDays()));
			insert(Ids.next(), new TaskDraft(task.title(), task.notes(), next, task.assigneeId(), task.personId(),
					task.organizationId(), task.priority(), task.repeatEveryDays()), task.assigneeId(), access.currentUser().id());
		}
		return get(id);
	}

	/** Moves a task to the trash (decision 22). */
	@Transactional
	public void delete(UUID id) {
		requireChange(get(id));
		trash.moveToTrash("task", id, null);
	}

	/** The current user's open tasks, overdue first, then by due time (no due time last). */
	@Transactional(readOnly = true)
	public List<Task> mine() {
		return jdbc.sql(SELECT + " where t.workspace_id = :ws and t.assignee_id = :user and t.status = 'open'"
				+ " order by t.due_at nulls last, t.created_at limit 500")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id())
				.query(Tasks::task).list();
	}

	@Transactional(readOnly = true)
	public List<Task> openForPerson(UUID personId) {
		return jdbc.sql(SELECT + " where t.workspace_id = :ws and t.person_id = :p and t.status = 'open' order by t.due_at nulls last")
				.param("ws", WorkspaceContext.workspaceId()).param("p", personId).query(Tasks::task).list();
	}

	@Transactional(readOnly = true)
	public List<Task> openForOrganization(UUID organizationId) {
		return jdbc.sql(SELECT + " where t.workspace_id = :ws and t.organization_id = :o and t.status = 'open' order by t.due_at nulls last")
				.param("ws", WorkspaceContext.workspaceId()).param("o", organizationId).query(Tasks::task).list();
	}

	/** Open tasks with a due time in a window, for the calendar. */
	@Transactional(readOnly = true)
	public List<Task> dueBetween(UUID assigneeId, Instant from, Instant to) {
		return jdbc.sql(SELECT + " where t.workspace_id = :ws and t.assignee_id = :user and t.status = 'open'"
				+ " and t.due_at >= :from and t.due_at < :to order by t.due_at")
				.param("ws", WorkspaceContext.workspaceId()).param("user", assigneeId)
				.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Tasks::task).list();
	}

	private void insert(UUID id, TaskDraft draft, UUID assignee, UUID createdBy) {
		jdbc.sql("""
				insert into tasks (id, workspace_id, title, notes, due_at, assignee_id, person_id, organization_id, priority,
				  repeat_every_days, created_by)
				values (:id, :ws, :title, :notes, :due, :assignee, :person, :organization, :priority, :repeat, :createdBy)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("title", draft.title().strip())
				.param("notes", draft.notes() == null || draft.notes().isBlank() ? null : draft.notes().strip())
				.param("due", draft.dueAt() == null ? null : Timestamp.from(draft.dueAt())).param("assignee", assignee)
				.param("person", draft.personId()).param("organization", draft.organizationId())
				.param("priority", draft.priority() == null ? "normal" : draft.priority()).param("repeat", draft.repeatEveryDays())
				.param("createdBy", createdBy)
				.update();
	}

	private void check(TaskDraft draft, UUID assignee) {
		var problems = new ValidationException.Collector();
		if (draft.title() == null || draft.title().isBlank()) {
			problems.add("title", "validation.required");
		} else if (draft.title().strip().length() > 300) {
			problems.add("title", "validation.too-long");
		}
		if (users.user(assignee).isEmpty()) {
			problems.add("assigneeId", "validation.owner");
		}
		if (draft.priority() != null && !Task.PRIORITIES.contains(draft.priority())) {
			problems.add("priority", "validation.choice");
		}
		if (draft.repeatEveryDays() != null && (draft.repeatEveryDays() < 1 || draft.repeatEveryDays() > 3650)) {
			problems.add("repeatEveryDays", "validation.repeat");
		}
		problems.throwIfAny();
		if (draft.personId() != null && customers.person(draft.personId()).isEmpty()) {
			throw new NotFoundException("entity.person");
		}
		if (draft.organizationId() != null && customers.organization(draft.organizationId()).isEmpty()) {
			throw new NotFoundException("entity.organization");
		}
	}

	private void requireChange(Task task) {
		var user = access.currentUser();
		if (!user.role().writes() || !(user.role().editsEverything() || user.id().equals(task.assigneeId())
				|| user.id().equals(task.createdBy()))) {
			throw new AccessDeniedException("edit");
		}
	}

	static Task task(ResultSet rs, int row) throws SQLException {
		var due = rs.getTimestamp("due_at");
		var completed = rs.getTimestamp("completed_at");
		return new Task(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("notes"),
				due == null ? null : due.toInstant(), rs.getObject("assignee_id", UUID.class), rs.getString("assignee_name"),
				rs.getObject("person_id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("priority"),
				rs.getString("status"), rs.getObject("repeat_every_days", Integer.class), completed == null ? null : completed.toInstant(),
				rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}
}
