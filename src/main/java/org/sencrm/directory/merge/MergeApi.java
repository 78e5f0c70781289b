package org.sencrm.directory.merge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.person.Person;
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

	/** The survivor, in the shape of the persons API. */
	@Schema(name = "MergedPerson")
	record SurvivorJson(UUID id, String displayName, String familyName, String middleName, String givenName, String nameOrder,
			List<?> emails, List<?> phones, List<?> addresses, String birthday, List<String> tags, UUID ownerId, UUID ownerTeamId,
			String source, String status, String lifecycleStage, Map<String, Consent> consents, Map<String, Object> customFields,
			Instant createdAt, Instant updatedAt, int version) {

		static SurvivorJson of(Person p) {
			return new SurvivorJson(p.id(), p.displayName(), p.familyName(), p.middleName(), p.givenName(), p.nameOrder().key(),
					p.emails(), p.phones(), p.addresses(), p.birthday() == null ? null : p.birthday().toString(), p.tags(), p.ownerId(),
					p.ownerTeamId(), p.source(), p.status(), p.lifecycleStage(), p.consents(), p.customFields(), p.createdAt(),
					p.updatedAt(), p.version());
		}
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
	ResponseEntity<SurvivorJson> mergePersons(@RequestBody MergeJson body) {
		var survivor = persons.merge(body.survivorId(), body.otherIds(), body.fields());
		return ResponseEntity.ok().eTag(ETags.of(survivor.version())).body(SurvivorJson.of(survivor));
	}
}
