package org.sencrm.trash;

import java.time.Clock;
import java.time.Instant;

import org.sencrm.platform.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/trash}: what the caller may restore, newest first; restoring an entry (its whole
 * unit); purging one now (administrators); the retention in days ({@code /api/v1/trash/settings}).
 */
@RestController
class TrashApi {

	record SettingsJson(Integer retentionDays) {
	}

	private final TrashEntries entries;
	private final TrashSettings settings;
	private final Clock clock;

	TrashApi(TrashEntries entries, TrashSettings settings, Clock clock) {
		this.entries = entries;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/api/v1/trash")
	TrashEntries.Page list(@RequestParam(required = false) String type, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		return entries.list(type, cursor, limit);
	}

	@GetMapping("/api/v1/trash/settings")
	SettingsJson settings() {
		return new SettingsJson(settings.retentionDays());
	}

	@PutMapping("/api/v1/trash/settings")
	SettingsJson changeSettings(@RequestBody SettingsJson body) {
		return new SettingsJson(settings.changeRetention(body.retentionDays()));
	}

	@GetMapping("/api/v1/trash/{id}")
	TrashEntry get(@PathVariable String id) {
		return entries.get(Ids.parse(id, "entity.trash"));
	}

	@PostMapping("/api/v1/trash/{id}/restore")
	TrashEntry restore(@PathVariable String id) {
		return entries.restore(Ids.parse(id, "entity.trash"));
	}

	@DeleteMapping("/api/v1/trash/{id}")
	ResponseEntity<Void> purge(@PathVariable String id) {
		entries.purgeNow(Ids.parse(id, "entity.trash"), Instant.now(clock));
		return ResponseEntity.noContent().build();
	}
}
