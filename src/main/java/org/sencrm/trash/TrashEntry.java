package org.sencrm.trash;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One deletion in the trash, as the list and the API show it.
 *
 * @param type     what was deleted ({@code person}, {@code opportunity}, …)
 * @param recordId the deleted record's id (it answers 404 while in the trash)
 * @param label    what it is called
 * @param contents how many records of each type went with it
 * @param purgeAt  when the nightly purge removes it for good (deleted at plus the workspace's retention)
 */
public record TrashEntry(UUID id, String type, UUID recordId, String label, Map<String, Integer> contents, Deleter deletedBy,
		Instant deletedAt, Instant purgeAt) {

	public record Deleter(UUID id, String name) {
	}
}
