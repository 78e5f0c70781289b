package org.sencrm.analytics.segment;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/segments}: segments as JSON ({@code {"id","name","type","static","rule",…}}), ETag
 * on reads, If-Match on changes (a JSON merge patch, whose {@code rule} replaces the rule whole),
 * members by cursor, counts, and a static list's members added and removed by id.
 */
@RestController
@RequestMapping("/api/v1/segments")
class SegmentApi {

	@Schema(name = "Segment")
	record SegmentJson(UUID id, String name, String type, @Schema(name = "static") boolean isStatic, Map<String, Object> rule, UUID ownerId,
			Instant createdAt, Instant updatedAt, int version) {

		static Map<String, Object> of(Segment s) {
			var json = new java.util.LinkedHashMap<String, Object>();
			json.put("id", s.id());
			json.put("name", s.name());
			json.put("type", s.type());
			json.put("static", s.isStatic());
			json.put("rule", s.rule());
			json.put("ownerId", s.ownerId());
			json.put("createdAt", s.createdAt());
			json.put("updatedAt", s.updatedAt());
			json.put("version", s.version());
			return json;
		}
	}

	@Schema(name = "SegmentMembers")
	record MembersJson(List<SegmentRepository.Member> items, String nextCursor) {
	}

	@Schema(name = "SegmentCount")
	record CountJson(long count) {
	}

	@Schema(name = "SegmentMemberIds")
	record IdsJson(List<UUID> ids) {
	}

	@Schema(name = "SegmentMembersChanged")
	record ChangedJson(int changed) {
	}

	@Schema(name = "SegmentRuleToCount")
	record RuleJson(String type, Map<String, Object> rule) {
	}

	/** The body of a segment as the API documents it (read by hand into {@link SegmentDraft}: "static" is a Java keyword). */
	@Schema(name = "SegmentDraft")
	record SegmentBody(String name, @Schema(description = "person or organization") String type,
			@Schema(name = "static", description = "true: a static list, members added by hand; no rule") Boolean isStatic,
			@Schema(description = "{\"all\":[…]} / {\"any\":[…]} / {\"not\":{…}} of groups and {\"field\",\"op\",\"value\"}")
			Map<String, Object> rule) {
	}

	private static final List<String> FIELDS = List.of("name", "type", "static", "rule");
	private static final List<String> READ_ONLY = List.of("id", "ownerId", "createdAt", "updatedAt", "version");

	private final SegmentService segments;
	private final JsonMapper json;

	SegmentApi(SegmentService segments, JsonMapper json) {
		this.segments = segments;
		this.json = json;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String type) {
		return Map.of("items", segments.list(type).stream().map(SegmentJson::of).toList());
	}

	@PostMapping
	@ApiBody(value = SegmentBody.class, required = {"name", "type"})
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		var segment = segments.create(draft(body));
		return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).eTag(ETags.of(segment.version()))
				.body(SegmentJson.of(segment));
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
		var segment = segments.get(id(id));
		return ResponseEntity.ok().eTag(ETags.of(segment.version())).body(SegmentJson.of(segment));
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(SegmentBody.class)
	ResponseEntity<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var current = segments.get(id(id));
		var expected = ETags.version(ifMatch);
		var merged = new HashMap<String, Object>();
		merged.put("name", current.name());
		merged.put("type", current.type());
		merged.put("static", current.isStatic());
		merged.put("rule", current.rule() == null ? null : json.convertValue(current.rule(), Object.class));
		// top-level fields are replaced (null removes them); a rule is replaced whole, never merged into
		merged.putAll(patch);
		var segment = segments.update(current.id(), draft(merged), expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(segment.version())).body(SegmentJson.of(segment));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		segments.delete(id(id), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/members")
	MembersJson members(@PathVariable String id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false, defaultValue = "50") int limit) {
		var page = segments.members(id(id), cursor, limit);
		return new MembersJson(page.items(), page.nextCursor());
	}

	@GetMapping("/{id}/count")
	CountJson count(@PathVariable String id) {
		return new CountJson(segments.count(id(id)));
	}

	/** How many customers a rule matches, without saving it (the editor's live count). */
	@PostMapping("/count")
	@ApiBody(RuleJson.class)
	CountJson countRule(@RequestBody Map<String, Object> body) {
		var type = body.get("type") instanceof String t ? t : null;
		return new CountJson(segments.countRule(type, json.valueToTree(body.get("rule"))));
	}

	@PostMapping("/{id}/members")
	@ApiBody(IdsJson.class)
	ChangedJson addMembers(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return new ChangedJson(segments.addMembers(id(id), ids(body)));
	}

	@DeleteMapping("/{id}/members")
	@ApiBody(IdsJson.class)
	ChangedJson removeMembers(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return new ChangedJson(segments.removeMembers(id(id), ids(body)));
	}

	@DeleteMapping("/{id}/members/{customerId}")
	ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable String customerId) {
		segments.removeMembers(id(id), List.of(Ids.parse(customerId, "entity.person")));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(String text) {
		return Ids.parse(text, "entity.segment");
	}

	private SegmentDraft draft(Map<String, Object> body) {
		var problems = new ValidationException.Collector();
		body.keySet().stream().filter(k -> !FIELDS.contains(k) && !READ_ONLY.contains(k))
				.forEach(k -> problems.add(k, "validation.unknown-field"));
		var name = body.get("name");
		var type = body.get("type");
		var isStatic = body.get("static");
		if (name != null && !(name instanceof String)) {
			problems.add("name", "error.invalid-value");
		}
		if (type != null && !(type instanceof String)) {
			problems.add("type", "segment.type-invalid");
		}
		if (isStatic != null && !(isStatic instanceof Boolean)) {
			problems.add("static", "error.invalid-value");
		}
		problems.throwIfAny();
		var rule = body.get("rule");
		return new SegmentDraft((String) name, (String) type, (Boolean) isStatic, rule == null ? null : json.valueToTree(rule));
	}

	private static List<UUID> ids(Map<String, Object> body) {
		var problems = new ValidationException.Collector();
		body.keySet().stream().filter(k -> !k.equals("ids")).forEach(k -> problems.add(k, "validation.unknown-field"));
		var ids = new ArrayList<UUID>();
		if (!(body.get("ids") instanceof List<?> list) || list.isEmpty()) {
			problems.add("ids", "segment.rule.value.list");
		} else {
			for (int i = 0; i < list.size(); i++) {
				try {
					ids.add(UUID.fromString(String.valueOf(list.get(i))));
				} catch (IllegalArgumentException e) {
					problems.add("ids[" + i + "]", "segment.rule.value.id");
				}
			}
		}
		problems.throwIfAny();
		return ids;
	}
}
