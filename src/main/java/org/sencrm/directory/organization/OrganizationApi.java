package org.sencrm.directory.organization;

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

/** {@code /api/v1/organizations}: JSON, ETag on reads, If-Match on changes, cursor pagination. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApi {

	static final List<String> READ_ONLY = List.of("id", "createdAt", "updatedAt", "version", "possibleDuplicates");

	@Schema(name = "OrganizationPage")
	record PageJson(List<Organization> items, String nextCursor) {
	}

	private final OrganizationService organizations;
	private final RequestBodies bodies;

	OrganizationApi(OrganizationService organizations, RequestBodies bodies) {
		this.organizations = organizations;
		this.bodies = bodies;
	}

	@PostMapping
	@ApiBody(value = OrganizationDraft.class, required = "name")
	ResponseEntity<OrganizationSaved> create(@RequestBody Map<String, Object> body) {
		var allowDuplicate = DuplicateRequest.allowed(body);
		var saved = organizations.create(bodies.read(body, OrganizationDraft.class, READ_ONLY), allowDuplicate);
		var organization = saved.record();
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id()))
				.eTag(ETags.of(organization.version()))
				.body(new OrganizationSaved(organization, DuplicateRequest.PossibleDuplicate.of(saved.possibleDuplicates())));
	}

	@GetMapping
	@OrganizationFilter.QueryParameters
	PageJson list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		var page = organizations.list(OrganizationFilter.of(params));
		return new PageJson(page.items(), page.nextCursor());
	}

	@GetMapping("/{id}")
	ResponseEntity<Organization> get(@PathVariable String id) {
		var organization = organizations.get(Ids.parse(id, "entity.organization"));
		return ResponseEntity.ok().eTag(ETags.of(organization.version())).body(organization);
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(OrganizationDraft.class)
	ResponseEntity<OrganizationSaved> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var organizationId = Ids.parse(id, "entity.organization");
		var current = organizations.get(organizationId);
		var expected = ETags.version(ifMatch);
		var allowDuplicate = DuplicateRequest.allowed(patch);
		var saved = organizations.update(organizationId,
				bodies.patch(current.toDraft(), patch, OrganizationDraft.class, READ_ONLY),
				expected == null ? current.version() : expected, allowDuplicate);
		var updated = saved.record();
		return ResponseEntity.ok().eTag(ETags.of(updated.version()))
				.body(new OrganizationSaved(updated, DuplicateRequest.PossibleDuplicate.of(saved.possibleDuplicates())));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		organizations.delete(Ids.parse(id, "entity.organization"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return organizations.history(Ids.parse(id, "entity.organization"));
	}
}
