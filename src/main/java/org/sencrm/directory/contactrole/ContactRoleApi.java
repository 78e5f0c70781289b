package org.sencrm.directory.contactrole;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.Ids;
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
import org.springframework.web.bind.annotation.RestController;

/** Contact roles: {@code /api/v1/contact-roles}, and the roles seen from a person or an organization. */
@RestController
class ContactRoleApi {

	record ContactRoleRequest(UUID personId, UUID organizationId, String jobTitle, List<String> buyingRoles) {
	}

	private final ContactRoles roles;

	ContactRoleApi(ContactRoles roles) {
		this.roles = roles;
	}

	@PostMapping("/api/v1/contact-roles")
	@ApiBody(required = {"personId", "organizationId"})
	ResponseEntity<ContactRole> create(@RequestBody ContactRoleRequest request) {
		var role = roles.create(request.personId(), request.organizationId(), request.jobTitle(), request.buyingRoles());
		return ResponseEntity.created(URI.create("/api/v1/contact-roles/" + role.id())).eTag(ETags.of(role.version())).body(role);
	}

	@GetMapping("/api/v1/contact-roles/{id}")
	ResponseEntity<ContactRole> get(@PathVariable String id) {
		var role = roles.get(Ids.parse(id, "entity.contact-role"));
		return ResponseEntity.ok().eTag(ETags.of(role.version())).body(role);
	}

	@PatchMapping("/api/v1/contact-roles/{id}")
	ResponseEntity<ContactRole> update(@PathVariable String id, @RequestBody ContactRoleRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var roleId = Ids.parse(id, "entity.contact-role");
		var current = roles.get(roleId);
		var expected = ETags.version(ifMatch);
		var role = roles.update(roleId, request.jobTitle() == null ? current.jobTitle() : request.jobTitle(),
				request.buyingRoles() == null ? current.buyingRoles() : request.buyingRoles(),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(role.version())).body(role);
	}

	@DeleteMapping("/api/v1/contact-roles/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		roles.delete(Ids.parse(id, "entity.contact-role"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/persons/{id}/contact-roles")
	List<ContactRole> ofPerson(@PathVariable String id) {
		return roles.ofPerson(Ids.parse(id, "entity.person"));
	}

	@GetMapping("/api/v1/organizations/{id}/contact-roles")
	List<ContactRole> ofOrganization(@PathVariable String id) {
		return roles.ofOrganization(Ids.parse(id, "entity.organization"));
	}
}
