package org.sencrm.directory.view;

import java.net.URI;
import java.util.List;

import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/views}: the caller's own saved list views. */
@RestController
@RequestMapping("/api/v1/views")
class SavedViewApi {

	record ViewRequest(String entity, String name, String query) {
	}

	private final SavedViews views;

	SavedViewApi(SavedViews views) {
		this.views = views;
	}

	@GetMapping
	List<SavedView> mine(@RequestParam(defaultValue = "person") String entity) {
		return views.mine(entity);
	}

	@PostMapping
	@ApiBody(required = {"entity", "name"})
	ResponseEntity<SavedView> save(@RequestBody ViewRequest request) {
		var view = views.save(request.entity(), request.name(), request.query());
		return ResponseEntity.created(URI.create("/api/v1/views/" + view.id())).body(view);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		views.delete(Ids.parse(id, "entity.view"));
		return ResponseEntity.noContent().build();
	}
}
