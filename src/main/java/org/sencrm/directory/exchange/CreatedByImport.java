package org.sencrm.directory.exchange;

import java.util.UUID;

import org.sencrm.trash.Trash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The directory records an import created, undone: moved to the trash set-based, each its own entry (decision 36). */
@Component
class CreatedByImport {

	private final JdbcClient jdbc;
	private final Trash trash;

	CreatedByImport(JdbcClient jdbc, Trash trash) {
		this.jdbc = jdbc;
		this.trash = trash;
	}

	/** Moves the records of one type the import created to the trash; returns how many went. */
	int trash(UUID job, String entityType) {
		var created = jdbc.sql("select entity_id from import_changes where job_id = :job and action = 'created' and entity_type = :type")
				.param("job", job).param("type", entityType).query(UUID.class).list();
		// deleted since (with its person, for a contact role), or now holding someone else's work: left as it is
		return trash.moveAllToTrash(entityType, created);
	}
}
