package org.sencrm.sales.lead;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/lead-scoring-rules} and {@code /api/v1/lead-assignment-rules}: everyone reads, managers and admins change. */
@RestController
class LeadRulesApi {

	record ScoringJson(String kind, String field, String value, Integer points) {
	}

	record AssignmentJson(String matchField, String matchValue, UUID userId, UUID teamId, Integer position, Boolean active) {
	}

	private static final List<String> READ_ONLY = List.of("id", "version", "lastUserId");

	private final ScoringRules scoring;
	private final AssignmentRules assignment;
	private final RequestBodies bodies;

	LeadRulesApi(ScoringRules scoring, AssignmentRules assignment, RequestBodies bodies) {
		this.scoring = scoring;
		this.assignment = assignment;
		this.bodies = bodies;
	}

	@GetMapping("/api/v1/lead-scoring-rules")
	Map<String, List<ScoringRule>> scoringRules() {
		return Map.of("items", scoring.all());
	}

	@PostMapping("/api/v1/lead-scoring-rules")
	@ApiBody(value = ScoringJson.class, required = "kind")
	ResponseEntity<ScoringRule> addScoringRule(@RequestBody Map<String, Object> body) {
		var rule = bodies.read(body, ScoringJson.class, READ_ONLY);
		return ResponseEntity.status(201).body(scoring.add(rule.kind(), rule.field(), rule.value(), rule.points()));
	}

	@PutMapping("/api/v1/lead-scoring-rules/{id}")
	@ApiBody(value = ScoringJson.class, required = "kind")
	ScoringRule changeScoringRule(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var ruleId = Ids.parse(id, "entity.scoring-rule");
		var rule = bodies.read(body, ScoringJson.class, List.of("id", "version", "position"));
		var expected = ETags.version(ifMatch);
		return scoring.change(ruleId, rule.kind(), rule.field(), rule.value(), rule.points(),
				expected == null ? scoring.get(ruleId).version() : expected);
	}

	@DeleteMapping("/api/v1/lead-scoring-rules/{id}")
	ResponseEntity<Void> removeScoringRule(@PathVariable String id) {
		scoring.remove(Ids.parse(id, "entity.scoring-rule"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/lead-assignment-rules")
	Map<String, List<AssignmentRule>> assignmentRules() {
		return Map.of("items", assignment.all());
	}

	@PostMapping("/api/v1/lead-assignment-rules")
	@ApiBody(AssignmentJson.class)
	ResponseEntity<AssignmentRule> addAssignmentRule(@RequestBody Map<String, Object> body) {
		var rule = bodies.read(body, AssignmentJson.class, READ_ONLY);
		return ResponseEntity.status(201).body(assignment.add(rule.matchField(), rule.matchValue(), rule.userId(), rule.teamId()));
	}

	@PutMapping("/api/v1/lead-assignment-rules/{id}")
	@ApiBody(AssignmentJson.class)
	AssignmentRule changeAssignmentRule(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var ruleId = Ids.parse(id, "entity.assignment-rule");
		var rule = bodies.read(body, AssignmentJson.class, READ_ONLY);
		var expected = ETags.version(ifMatch);
		return assignment.change(ruleId, rule.matchField(), rule.matchValue(), rule.userId(), rule.teamId(), rule.position(),
				rule.active() == null || rule.active(), expected == null ? assignment.get(ruleId).version() : expected);
	}

	@DeleteMapping("/api/v1/lead-assignment-rules/{id}")
	ResponseEntity<Void> removeAssignmentRule(@PathVariable String id) {
		assignment.remove(Ids.parse(id, "entity.assignment-rule"));
		return ResponseEntity.noContent().build();
	}
}
