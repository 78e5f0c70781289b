package org.sencrm.timeline.activity;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Activities and timelines: {@code POST /api/v1/activities} (also for integrations posting a call
 * log or chat message with an API token), {@code PATCH /api/v1/activities/{id}} (merge patch with
 * If-Match), {@code GET /api/v1/persons/{id}/timeline}.
 */
@RestController
class ActivityApi {

	static final List<String> READ_ONLY = List.of("id", "authorId", "authorName", "createdAt", "version", "source");

	/** Fields of an activity a patch may send back as read but never changes (channel, customer, author, email headers). */
	static final List<String> NOT_CHANGEABLE = Arrays.stream(Activity.class.getRecordComponents()).map(c -> c.getName())
			.filter(name -> Arrays.stream(ActivityChange.class.getRecordComponents()).noneMatch(c -> c.getName().equals(name)))
			.toList();

	private final Activities activities;
	private final TimelineEntries timeline;
	private final Attachments attachments;
	private final RequestBodies bodies;

	ActivityApi(Activities activities, TimelineEntries timeline, Attachments attachments, RequestBodies bodies) {
		this.activities = activities;
		this.timeline = timeline;
		this.attachments = attachments;
		this.bodies = bodies;
	}

	@PostMapping("/api/v1/activities")
	@ApiBody(value = ActivityDraft.class, required = "type")
	ResponseEntity<Activity> log(@RequestBody Map<String, Object> body) {
		var activity = activities.log(bodies.read(body, ActivityDraft.class, READ_ONLY), "api");
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).eTag(ETags.of(activity.version()))
				.body(activity);
	}

	@GetMapping("/api/v1/activities/{id}")
	ResponseEntity<Activity> get(@PathVariable String id) {
		var activity = activities.get(Ids.parse(id, "entity.activity"));
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	/** A JSON merge patch of the changeable fields; the other fields of the activity are read-only. */
	@PatchMapping(path = "/api/v1/activities/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(ActivityChange.class)
	ResponseEntity<Activity> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var activityId = Ids.parse(id, "entity.activity");
		var current = activities.get(activityId);
		var expected = ETags.version(ifMatch);
		var version = expected == null ? current.version() : expected;
		var changed = activities.change(activityId,
				bodies.patch(ActivityChange.of(current), patch, ActivityChange.class, NOT_CHANGEABLE), version);
		return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
	}

	@DeleteMapping("/api/v1/activities/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		activities.delete(Ids.parse(id, "entity.activity"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/activities/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return activities.history(Ids.parse(id, "entity.activity"));
	}

	@PostMapping(path = "/api/v1/activities/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Activity.AttachmentInfo> attach(@PathVariable String id, @RequestPart("file") MultipartFile file)
			throws IOException {
		var info = attachments.attach(Ids.parse(id, "entity.activity"), file.getOriginalFilename(), file.getContentType(),
				file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/attachments/" + info.id())).body(info);
	}

	@GetMapping("/api/v1/attachments/{id}")
	@ApiResponse(responseCode = "200", description = "The file as uploaded, in its own content type (Content-Disposition names it)",
			content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> download(@PathVariable String id) {
		var content = attachments.content(Ids.parse(id, "entity.attachment"));
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.parseMediaType(content.contentType()))
				.body(content.bytes());
	}

	@GetMapping("/api/v1/persons/{id}/timeline")
	TimelineEntries.Page personTimeline(@PathVariable String id, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) UUID authorId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "25") int limit) {
		return timeline.ofPerson(Ids.parse(id, "entity.person"), type, authorId, cursor, limit);
	}

	@GetMapping("/api/v1/persons/{id}/timeline/summary")
	TimelineEntries.Summary personSummary(@PathVariable String id) {
		return timeline.summaryOfPerson(Ids.parse(id, "entity.person"));
	}

	@GetMapping("/api/v1/organizations/{id}/timeline")
	TimelineEntries.Page organizationTimeline(@PathVariable String id, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) UUID authorId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "25") int limit) {
		return timeline.ofOrganization(Ids.parse(id, "entity.organization"), type, authorId, cursor, limit);
	}
}
