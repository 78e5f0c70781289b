package org.sencrm.directory.person;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.record.DuplicateRequest;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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

/** {@code /api/v1/persons}: JSON, ETag on reads, If-Match on changes, cursor pagination. */
@RestController
@RequestMapping("/api/v1/persons")
class PersonApi {

	@Schema(name = "PersonPage")
	record PageJson(List<PersonJson> items, String nextCursor) {
	}

	private final PersonService persons;
	private final RequestBodies bodies;

	PersonApi(PersonService persons, RequestBodies bodies) {
		this.persons = persons;
		this.bodies = bodies;
	}

	@PostMapping
	@ApiBody(PersonDraft.class)
	ResponseEntity<PersonJson> create(@RequestBody Map<String, Object> body) {
		var allowDuplicate = DuplicateRequest.allowed(body);
		var saved = persons.create(bodies.read(body, PersonDraft.class, PersonJson.READ_ONLY), allowDuplicate);
		var person = saved.record();
		return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id())).eTag(ETags.of(person.version()))
				.body(PersonJson.of(person, DuplicateRequest.PossibleDuplicate.of(saved.possibleDuplicates())));
	}

	@GetMapping
	@PersonFilter.QueryParameters
	PageJson list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		var page = persons.list(PersonFilter.of(params));
		return new PageJson(page.items().stream().map(PersonJson::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	ResponseEntity<PersonJson> get(@PathVariable String id) {
		var person = persons.get(Ids.parse(id, "entity.person"));
		return ResponseEntity.ok().eTag(ETags.of(person.version())).body(PersonJson.of(person));
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(PersonDraft.class)
	ResponseEntity<PersonJson> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var personId = Ids.parse(id, "entity.person");
		var current = persons.get(personId);
		var expected = ETags.version(ifMatch);
		var version = expected == null ? current.version() : expected;
		var allowDuplicate = DuplicateRequest.allowed(patch);
		var saved = persons.update(personId, bodies.patch(current.toDraft(), patch, PersonDraft.class, PersonJson.READ_ONLY),
				version, allowDuplicate);
		var person = saved.record();
		return ResponseEntity.ok().eTag(ETags.of(person.version()))
				.body(PersonJson.of(person, DuplicateRequest.PossibleDuplicate.of(saved.possibleDuplicates())));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		persons.delete(Ids.parse(id, "entity.person"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return persons.history(Ids.parse(id, "entity.person"));
	}
}
