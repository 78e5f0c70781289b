package org.sencrm.sales.pipeline;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pipelines}: pipelines with their stages (each with id, name, probability,
 * position, kind); administrators and managers create and change them.
 */
@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineApi {

	private static final List<String> READ_ONLY = List.of("id", "template", "version", "pipelineId");

	private final Pipelines pipelines;
	private final RequestBodies bodies;

	PipelineApi(Pipelines pipelines, RequestBodies bodies) {
		this.pipelines = pipelines;
		this.bodies = bodies;
	}

	/** Active pipelines and their active stages; {@code archived=true} adds the archived ones. */
	@GetMapping
	List<Pipeline> all(@RequestParam(defaultValue = "false") boolean archived) {
		return pipelines.all().stream().filter(p -> archived || !p.archived())
				.map(p -> archived ? p : p.withStages(p.activeStages())).toList();
	}

	@PostMapping
	@ApiBody(value = PipelineDraft.class, required = "name")
	ResponseEntity<Pipeline> create(@RequestBody Map<String, Object> body) {
		var pipeline = pipelines.create(bodies.read(body, PipelineDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.id())).eTag(ETags.of(pipeline.version()))
				.body(pipeline);
	}

	@GetMapping("/{id}")
	ResponseEntity<Pipeline> get(@PathVariable String id) {
		var pipeline = pipelines.get(Ids.parse(id, "entity.pipeline"));
		return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(pipeline);
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(PipelineDraft.class)
	ResponseEntity<Pipeline> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var pipeline = pipelines.update(Ids.parse(id, "entity.pipeline"), bodies.read(body, PipelineDraft.class, READ_ONLY),
				ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(pipeline);
	}

	@PostMapping("/{id}/stages")
	@ApiBody(value = StageDraft.class, required = "name")
	ResponseEntity<Stage> addStage(@PathVariable String id, @RequestBody Map<String, Object> body) {
		var pipelineId = Ids.parse(id, "entity.pipeline");
		var stage = pipelines.addStage(pipelineId, bodies.read(body, StageDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipelineId + "/stages/" + stage.id()))
				.eTag(ETags.of(stage.version())).body(stage);
	}

	@PatchMapping(path = "/{id}/stages/{stageId}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(StageDraft.class)
	ResponseEntity<Stage> updateStage(@PathVariable String id, @PathVariable String stageId, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var stage = pipelines.updateStage(Ids.parse(id, "entity.pipeline"), Ids.parse(stageId, "entity.stage"),
				bodies.read(body, StageDraft.class, READ_ONLY), ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(stage.version())).body(stage);
	}
}
