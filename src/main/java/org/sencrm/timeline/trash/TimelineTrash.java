package org.sencrm.timeline.trash;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Attachments;
import org.sencrm.trash.DeleteRule;
import org.sencrm.trash.HangsOn;
import org.sencrm.trash.TrashableKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Activities and tasks go to the trash when deleted, and with the customer they are on. With a
 * record of sales (the {@code record_type} other modules give them): the notes about it and its
 * tasks (a deal's stage changes, an order's news, a contract's renewal reminder) go with it, while a
 * touchpoint on a customer's timeline (an email, a call) stays with the customer. A lead takes only
 * what is on no customer yet: its touches were moved onto the person when it was converted.
 */
@Configuration(proxyBeanMethods = false)
class TimelineTrash {

	private static final List<String> RECORDS = List.of("opportunity", "quote", "order", "contract");
	private static final String NO_CUSTOMER = "person_id is null and organization_id is null";

	@Bean
	TrashableKind activityKind(JdbcClient jdbc) {
		// what sales wrote by itself (a deal's stage changes, an order's news) is nobody's work to guard
		return TrashableKind.of("activity", "activities", "coalesce(nullif(subject, ''), type)")
				.ownedBy("case when source = 'sales' then null else author_id end", null)
				.hangsOn(parents("type = 'note' or (" + NO_CUSTOMER + ")"))
				.deletableWhen(DeleteRule.AUTHOR)
				.beforePurge(ids -> removeStoredFiles(jdbc, ids));
	}

	@Bean
	TrashableKind taskKind() {
		return TrashableKind.of("task", "tasks", "title").ownedBy("assignee_id", null).createdBy("created_by")
				.hangsOn(parents("true"))
				.deletableWhen(DeleteRule.ASSIGNEE_OR_CREATOR)
				.page("/tasks");
	}

	private static HangsOn[] parents(String aboutRecord) {
		var parents = new java.util.ArrayList<HangsOn>();
		parents.add(HangsOn.to("person", "person_id"));
		parents.add(HangsOn.to("organization", "organization_id"));
		RECORDS.forEach(type -> parents.add(HangsOn.to(type, "record_id", "record_type = '" + type + "' and (" + aboutRecord + ")")));
		parents.add(HangsOn.to("lead", "record_id", "record_type = 'lead' and " + NO_CUSTOMER));
		return parents.toArray(HangsOn[]::new);
	}

	/** Files kept in a folder ({@code sen.attachments.folder}) go once their rows are gone for good. */
	private static void removeStoredFiles(JdbcClient jdbc, List<UUID> activityIds) {
		var paths = jdbc.sql("select stored_path from attachments where workspace_id = :ws and activity_id in (:ids) and stored_path is not null")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", activityIds).query(String.class).list();
		Attachments.removeFilesAfterCommit(paths);
	}
}
