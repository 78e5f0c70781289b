package org.sencrm.directory.merge;

import org.sencrm.directory.person.PersonJson;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/persons/merge} and {@code /organizations/merge}: merges records into one; 200 with the survivor as its GET shows it. */
@RestController
class MergeApi {

	@Schema(name = "PersonMerge")
	record MergeJson(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields) {
	}

	@Schema(name = "OrganizationMerge")
	record OrganizationMergeJson(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields) {
	}

	private final MergePersons persons;
	private final MergeOrganizations organizations;

	MergeApi(MergePersons persons, MergeOrganizations organizations) {
		this.persons = persons;
		this.organizations = organizations;
	}

	@PostMapping("/api/v1/organizations/merge")
	ResponseEntity<org.sencrm.directory.organization.Organization> mergeOrganizations(@RequestBody OrganizationMergeJson body) {
		var survivor = organizations.merge(body.survivorId(), body.otherIds(), body.fields());
		return ResponseEntity.ok().eTag(ETags.of(survivor.version())).body(survivor);
	}

	@PostMapping("/api/v1/persons/merge")
	ResponseEntity<PersonJson> mergePersons(@RequestBody MergeJson body) {
		var survivor = persons.merge(body.survivorId(), body.otherIds(), body.fields());
		return ResponseEntity.ok().eTag(ETags.of(survivor.version())).body(PersonJson.of(survivor));
	}
}
