package org.sencrm.timeline.email;

import java.util.List;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's own email templates. */
@Service
public class EmailTemplates {

	private final JdbcClient jdbc;
	private final Access access;

	EmailTemplates(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<EmailTemplate> mine() {
		return jdbc.sql("select * from email_templates where workspace_id = :ws and owner_id = :me order by lower(name)")
				.param("ws", WorkspaceContext.workspaceId()).param("me", access.currentUser().id())
				.query((rs, n) -> new EmailTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("subject"),
						rs.getString("body"), rs.getInt("version")))
				.list();
	}

	@Transactional(readOnly = true)
	public EmailTemplate get(UUID id) {
		return mine().stream().filter(t -> t.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFoundException("entity.email-template"));
	}

	@Transactional
	public EmailTemplate create(String name, String subject, String body) {
		access.requireWrite();
		check(name, subject, body);
		var id = Ids.next();
		jdbc.sql("insert into email_templates (id, workspace_id, owner_id, name, subject, body) values (:id, :ws, :me, :name, :subject, :body)")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("me", access.currentUser().id())
				.param("name", name.strip()).param("subject", subject.strip()).param("body", body).update();
		return get(id);
	}

	@Transactional
	public EmailTemplate update(UUID id, String name, String subject, String body, int expectedVersion) {
		get(id);
		check(name, subject, body);
		var updated = jdbc.sql("""
				update email_templates set name = :name, subject = :subject, body = :body, version = version + 1
				where workspace_id = :ws and owner_id = :me and id = :id and version = :version""")
				.param("name", name.strip()).param("subject", subject.strip()).param("body", body)
				.param("ws", WorkspaceContext.workspaceId()).param("me", access.currentUser().id()).param("id", id)
				.param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersionException();
		}
		return get(id);
	}

	@Transactional
	public void delete(UUID id) {
		get(id);
		jdbc.sql("delete from email_templates where workspace_id = :ws and owner_id = :me and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("me", access.currentUser().id()).param("id", id).update();
	}

	private static void check(String name, String subject, String body) {
		var problems = new ValidationException.Collector();
		if (name == null || name.isBlank()) {
			problems.add("name", "validation.required");
		}
		if (subject == null || subject.isBlank()) {
			problems.add("subject", "validation.required");
		}
		if (body == null || body.isBlank()) {
			problems.add("body", "validation.required");
		}
		MergeFields.check(subject, "subject", problems);
		MergeFields.check(body, "body", problems);
		problems.throwIfAny();
	}
}
