package org.sencrm.timeline.task;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tasks}: create, read, complete, delete; {@code /api/v1/tasks/mine} overdue first. */
@RestController
class TaskApi {

	private static final List<String> READ_ONLY = List.of("id", "assigneeName", "status", "completedAt", "createdBy",
			"createdAt", "version");

	private final Tasks tasks;
	private final RequestBodies bodies;

	TaskApi(Tasks tasks, RequestBodies bodies) {
		this.tasks = tasks;
		this.bodies = bodies;
	}

	@PostMapping("/api/v1/tasks")
	@ApiBody(value = TaskDraft.class, required = "title")
	ResponseEntity<Task> create(@RequestBody Map<String, Object> body) {
		var task = tasks.create(bodies.read(body, TaskDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).eTag(ETags.of(task.version())).body(task);
	}

	@GetMapping("/api/v1/tasks/mine")
	List<Task> mine() {
		return tasks.mine();
	}

	@GetMapping("/api/v1/tasks/{id}")
	ResponseEntity<Task> get(@PathVariable String id) {
		var task = tasks.get(Ids.parse(id, "entity.task"));
		return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
	}

	@PostMapping("/api/v1/tasks/{id}/complete")
	ResponseEntity<Task> complete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var taskId = Ids.parse(id, "entity.task");
		var expected = ETags.version(ifMatch);
		var task = tasks.complete(taskId, expected == null ? tasks.get(taskId).version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
	}

	@DeleteMapping("/api/v1/tasks/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		tasks.delete(Ids.parse(id, "entity.task"));
		return ResponseEntity.noContent().build();
	}
}
