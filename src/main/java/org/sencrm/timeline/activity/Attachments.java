package org.sencrm.timeline.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.AfterCommit;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to activities, stored in PostgreSQL by default or in a folder
 * ({@code sen.attachments.folder}), up to {@code sen.attachments.max-bytes} each.
 */
@Service
public class Attachments {

	public record Content(String fileName, String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;
	private final Activities activities;
	private final Access access;
	private final long maxBytes;
	private final Path folder;

	Attachments(JdbcClient jdbc, Activities activities, Access access,
			@Value("${sen.attachments.max-bytes:10485760}") long maxBytes, @Value("${sen.attachments.folder:}") String folder) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.access = access;
		this.maxBytes = maxBytes;
		this.folder = folder.isBlank() ? null : Path.of(folder);
	}

	/** The largest file accepted, in bytes ({@code sen.attachments.max-bytes}); email attachments share it. */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Adds a file to an activity: only for those who may edit it (its author, managers and
	 * administrators; never viewers), and never to an email sent or received, which keeps what was sent.
	 */
	@Transactional
	public Activity.AttachmentInfo attach(UUID activityId, String fileName, String contentType, byte[] bytes) {
		access.requireWrite();
		var activity = activities.get(activityId);
		if (!activities.rights().mayChange(activity)) {
			throw new AccessDeniedException("edit");
		}
		if (activity.sentOrReceivedEmail()) {
			throw new DomainException("timeline.email-fixed");
		}
		return store(activity, fileName, contentType, bytes);
	}

	/** The files of an email being sent, stored with the activity that records it (its author is sending it now). */
	@Transactional
	public Activity.AttachmentInfo attachToOutgoingEmail(UUID activityId, String fileName, String contentType, byte[] bytes) {
		access.requireWrite();
		return store(activities.get(activityId), fileName, contentType, bytes);
	}

	private Activity.AttachmentInfo store(Activity activity, String fileName, String contentType, byte[] bytes) {
		var problems = new ValidationException.Collector();
		var name = fileName == null || fileName.isBlank() ? "file" : Path.of(fileName).getFileName().toString();
		if (bytes == null || bytes.length == 0) {
			problems.add("file", "validation.required");
		} else if (bytes.length > maxBytes) {
			problems.add("file", "validation.file-too-large", maxBytes / (1024 * 1024));
		}
		problems.throwIfAny();
		var id = Ids.next();
		var type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
		String storedPath = null;
		byte[] content = bytes;
		if (folder != null) {
			try {
				var target = folder.resolve(WorkspaceContext.workspaceId().toString()).resolve(id.toString());
				Files.createDirectories(target.getParent());
				Files.write(target, bytes);
				deleteOnRollback(target);
				storedPath = target.toString();
				content = null;
			} catch (IOException e) {
				throw new UncheckedIOException("Could not store attachment in " + folder, e);
			}
		}
		jdbc.sql("""
				insert into attachments (id, workspace_id, activity_id, file_name, content_type, size_bytes, content, stored_path)
				values (:id, :ws, :activity, :name, :type, :size, :content, :path)""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("activity", activity.id()).param("name", name)
				.param("type", type).param("size", (long) bytes.length).param("content", content).param("path", storedPath)
				.update();
		return new Activity.AttachmentInfo(id, name, type, bytes.length);
	}

	/** A file written for a transaction that is then rolled back (an email the server refused) would be an orphan. */
	private static void deleteOnRollback(Path file) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						try {
							Files.deleteIfExists(file);
						} catch (IOException e) {
							// an orphan file is harmless; the row that would name it is gone
						}
					}
				}
			});
		}
	}

	/**
	 * Removes every file of these activities (erasing a person's personal data): the rows at once,
	 * files kept in a folder once the transaction commits, so a rolled-back erasure keeps them.
	 * Returns how many files were removed.
	 */
	@Transactional
	public int eraseOf(java.util.Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return 0;
		}
		var stored = jdbc.sql("""
				delete from attachments where workspace_id = :ws and activity_id = any(:ids)
				returning coalesce(stored_path, '')""")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", activityIds.toArray(UUID[]::new))
				.query(String.class).list();
		removeFilesAfterCommit(stored.stream().filter(path -> !path.isEmpty()).toList());
		return stored.size();
	}

	/**
	 * Removes files kept in the folder ({@code sen.attachments.folder}) once the transaction that
	 * removed their rows commits: a rolled-back removal keeps them.
	 */
	public static void removeFilesAfterCommit(java.util.List<String> paths) {
		if (paths.isEmpty()) {
			return;
		}
		AfterCommit.run(() -> {
			for (var path : paths) {
				try {
					Files.deleteIfExists(Path.of(path));
				} catch (IOException e) {
					// the row is gone, so nothing names or serves the file any more
				}
			}
		});
	}

	@Transactional(readOnly = true)
	public Content content(UUID id) {
		record Row(String name, String type, byte[] content, String path) {
		}
		// through its activity, so the files of an activity in the trash answer 404 like the activity
		var row = jdbc.sql("""
				select f.file_name, f.content_type, f.content, f.stored_path
				from attachments f join activities a on a.workspace_id = f.workspace_id and a.id = f.activity_id
				where f.workspace_id = :ws and f.id = :id""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
				.optional().orElseThrow(() -> new NotFoundException("entity.attachment"));
		try {
			var bytes = row.content() != null ? row.content() : Files.readAllBytes(Path.of(row.path()));
			return new Content(row.name(), row.type(), bytes);
		} catch (IOException e) {
			throw new NotFoundException("entity.attachment");
		}
	}
}
