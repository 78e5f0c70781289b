package org.sencrm.directory.tag;

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
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tags}. Tags named on a person or organization are created on the fly too. */
@RestController
@RequestMapping("/api/v1/tags")
class TagApi {

	record TagRequest(String name, String color) {
	}

	private final Tags tags;

	TagApi(Tags tags) {
		this.tags = tags;
	}

	@GetMapping
	List<Tag> all() {
		return tags.all();
	}

	@PostMapping
	@ApiBody(required = "name")
	ResponseEntity<Tag> create(@RequestBody TagRequest request) {
		var tag = tags.create(request.name(), request.color());
		return ResponseEntity.created(URI.create("/api/v1/tags/" + tag.id())).body(tag);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		tags.remove(Ids.parse(id, "entity.tag"));
		return ResponseEntity.noContent().build();
	}
}
