package org.sencrm.sales.opportunity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/opportunities}: JSON, ETag on reads, If-Match on changes, cursor pagination.
 * Stage moves have their own endpoints ({@code /stage}, {@code /won}, {@code /lost}); a PATCH of
 * {@code stageId} is the same move.
 */
@RestController
class OpportunityApi {

	static final List<String> READ_ONLY = List.of("id", "status", "stageEnteredAt", "closedAt", "createdAt", "updatedAt",
			"version");

	@Schema(name = "OpportunityPage")
	record PageJson(List<Opportunity> items, String nextCursor) {
	}

	record MoveRequest(UUID stageId, String lostReason) {
	}

	record WonRequest(UUID stageId) {
	}

	record LostRequest(String reason, UUID stageId) {
	}

	private final OpportunityService opportunities;
	private final Boards boards;
	private final RequestBodies bodies;

	OpportunityApi(OpportunityService opportunities, Boards boards, RequestBodies bodies) {
		this.opportunities = opportunities;
		this.boards = boards;
		this.bodies = bodies;
	}

	@PostMapping("/api/v1/opportunities")
	@ApiBody(value = OpportunityDraft.class, required = {"name", "pipelineId", "expectedCloseDate"})
	ResponseEntity<Opportunity> create(@RequestBody Map<String, Object> body) {
		var opportunity = opportunities.create(bodies.read(body, OpportunityDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + opportunity.id()))
				.eTag(ETags.of(opportunity.version())).body(opportunity);
	}

	@GetMapping("/api/v1/opportunities")
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "teamId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "pipelineId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "stageId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "closeMonth", in = ParameterIn.QUERY, description = "2027-03", schema = @Schema(type = "string"))
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "open, won or lost", schema = @Schema(type = "string"))
	@Parameter(name = "personId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "organizationId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "nextCursor of the previous page", schema = @Schema(type = "string"))
	PageJson list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		var page = opportunities.list(OpportunityFilter.of(params));
		return new PageJson(page.items(), page.nextCursor());
	}

	@GetMapping("/api/v1/opportunities/{id}")
	ResponseEntity<Opportunity> get(@PathVariable String id) {
		var opportunity = opportunities.get(Ids.parse(id, "entity.opportunity"));
		return ResponseEntity.ok().eTag(ETags.of(opportunity.version())).body(opportunity);
	}

	@PatchMapping(path = "/api/v1/opportunities/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(OpportunityDraft.class)
	ResponseEntity<Opportunity> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var opportunityId = Ids.parse(id, "entity.opportunity");
		var current = opportunities.get(opportunityId);
		var updated = opportunities.update(opportunityId,
				bodies.patch(current.toDraft(), patch, OpportunityDraft.class, READ_ONLY), ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	@DeleteMapping("/api/v1/opportunities/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		opportunities.delete(Ids.parse(id, "entity.opportunity"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/** Moves to a stage: {@code {"stageId", "lostReason"}} (the reason only for a lost stage). */
	@PostMapping("/api/v1/opportunities/{id}/stage")
	@ApiBody(value = MoveRequest.class, required = "stageId")
	ResponseEntity<Opportunity> move(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var request = bodies.read(body, MoveRequest.class, List.of());
		var moved = opportunities.move(Ids.parse(id, "entity.opportunity"), request.stageId(), request.lostReason(),
				ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(moved.version())).body(moved);
	}

	@PostMapping("/api/v1/opportunities/{id}/won")
	@ApiBody(WonRequest.class)
	ResponseEntity<Opportunity> won(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var request = bodies.read(body == null ? Map.of() : body, WonRequest.class, List.of());
		var won = opportunities.win(Ids.parse(id, "entity.opportunity"), request.stageId(), ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(won.version())).body(won);
	}

	@PostMapping("/api/v1/opportunities/{id}/lost")
	@ApiBody(LostRequest.class)
	ResponseEntity<Opportunity> lost(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var request = bodies.read(body, LostRequest.class, List.of());
		var lost = opportunities.lose(Ids.parse(id, "entity.opportunity"), request.reason(), request.stageId(),
				ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(lost.version())).body(lost);
	}

	@GetMapping("/api/v1/opportunities/{id}/stage-history")
	StageHistory stageHistory(@PathVariable String id) {
		return opportunities.stageHistory(Ids.parse(id, "entity.opportunity"));
	}

	@GetMapping("/api/v1/opportunities/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return opportunities.history(Ids.parse(id, "entity.opportunity"));
	}

	/** The board of a pipeline as JSON: columns with their first cards and totals. */
	@GetMapping("/api/v1/pipelines/{id}/board")
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "teamId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "closeMonth", in = ParameterIn.QUERY, description = "2027-03", schema = @Schema(type = "string"))
	Board board(@PathVariable String id, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		var filter = OpportunityFilter.of(params);
		return boards.board(Ids.parse(id, "entity.pipeline"), filter.ownerId(), filter.teamId(), filter.closeMonth());
	}
}
