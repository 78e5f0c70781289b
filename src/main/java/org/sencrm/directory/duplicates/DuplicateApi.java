package org.sencrm.directory.duplicates;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/duplicates}: the possible duplicates of the last scan, best first; starting a scan
 * (in the background, 202); saying two records are not duplicates.
 */
@RestController
class DuplicateApi {

	@Schema(name = "DuplicateGroup")
	record GroupJson(List<UUID> ids, double score, List<String> reasons) {
	}

	@Schema(name = "DuplicatePage")
	record PageJson(List<GroupJson> items, String nextCursor) {
	}

	@Schema(name = "DuplicateScans")
	record ScansJson(List<DuplicateScans.Scan> items) {
	}

	@Schema(name = "NotDuplicates")
	record NotDuplicatesJson(String type, List<UUID> ids) {
	}

	private final Duplicates duplicates;
	private final DuplicateScans scans;

	DuplicateApi(Duplicates duplicates, DuplicateScans scans) {
		this.duplicates = duplicates;
		this.scans = scans;
	}

	@GetMapping("/api/v1/duplicates")
	PageJson list(@RequestParam(required = false) String type, @RequestParam(required = false) Double minScore,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		var page = duplicates.list(type, minScore, cursor, limit);
		return new PageJson(page.items().stream().map(g -> new GroupJson(g.ids(), g.score(), g.reasons())).toList(), page.nextCursor());
	}

	/** Starts a fresh scan of one kind, or of both when no type is given; 202 with the scans (queued, or the ones already open). */
	@PostMapping("/api/v1/duplicates/scan")
	ResponseEntity<ScansJson> scan(@RequestParam(required = false) String type) {
		var types = type == null || type.isBlank() ? DuplicateScans.types() : List.of(DuplicateKind.checked(type).key());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ScansJson(types.stream().map(scans::start).toList()));
	}

	/** The newest scan of each kind (or of one), to follow a scan started in the background. */
	@GetMapping("/api/v1/duplicates/scan")
	ScansJson latest(@RequestParam(required = false) String type) {
		var types = type == null || type.isBlank() ? DuplicateScans.types() : List.of(DuplicateKind.checked(type).key());
		return new ScansJson(types.stream().map(scans::latest).flatMap(java.util.Optional::stream).toList());
	}

	/** Remembers that two records are not one customer: 204; no scan pairs them again. */
	@PostMapping("/api/v1/duplicates/not-duplicates")
	ResponseEntity<Void> notDuplicates(@RequestBody NotDuplicatesJson body) {
		var ids = body.ids() == null ? List.<UUID>of() : body.ids();
		if (ids.size() != 2) {
			throw new org.sencrm.platform.ValidationException(
					List.of(new org.sencrm.platform.ValidationException.FieldProblem("ids", "duplicates.two-ids")));
		}
		duplicates.notDuplicates(body.type(), ids.get(0), ids.get(1));
		return ResponseEntity.noContent().build();
	}
}
