package org.sencrm.directory.customfield;

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

/** {@code /api/v1/custom-fields}: definitions of the fields a workspace adds (admins change them). */
@RestController
@RequestMapping("/api/v1/custom-fields")
class CustomFieldApi {

	record DefinitionRequest(String entity, String key, String label, String type, List<String> options, Boolean required,
			Integer position) {
	}

	private final CustomFields fields;

	CustomFieldApi(CustomFields fields) {
		this.fields = fields;
	}

	@GetMapping
	List<CustomFieldDefinition> all(@RequestParam(required = false) String entity) {
		return entity == null ? fields.all() : fields.of(entity);
	}

	@PostMapping
	@ApiBody(required = {"entity", "key", "label", "type"})
	ResponseEntity<CustomFieldDefinition> define(@RequestBody DefinitionRequest request) {
		var definition = fields.define(request.entity(), request.key(), request.label(), request.type(), request.options(),
				Boolean.TRUE.equals(request.required()), request.position() == null ? 0 : request.position());
		return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + definition.id())).body(definition);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable String id) {
		fields.remove(Ids.parse(id, "entity.custom-field"));
		return ResponseEntity.noContent().build();
	}
}
