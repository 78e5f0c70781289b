package org.sencrm.directory.person;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.record.DuplicateRequest;

/** A person as the API shows it (read, create, update, merge). */
public record PersonJson(UUID id, String displayName, String familyName, String middleName, String givenName, String nameOrder,
		List<?> emails, List<?> phones, List<?> addresses, String birthday, List<String> tags, UUID ownerId,
		UUID ownerTeamId, String source, String status, String lifecycleStage, Map<String, Consent> consents,
		Map<String, Object> customFields, String externalId, Instant createdAt, Instant updatedAt, int version,
		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		@Schema(description = "Only on a create or change: the records this person may duplicate (decision 32)")
		List<DuplicateRequest.PossibleDuplicate> possibleDuplicates) {

	static final List<String> READ_ONLY = List.of("id", "displayName", "createdAt", "updatedAt", "version",
			"possibleDuplicates");

	public static PersonJson of(Person p) {
		return of(p, List.of());
	}

	/** The person as stored, with the records it may duplicate (a create's or change's answer). */
	public static PersonJson of(Person p, List<DuplicateRequest.PossibleDuplicate> possibleDuplicates) {
		return new PersonJson(p.id(), p.displayName(), p.familyName(), p.middleName(), p.givenName(), p.nameOrder().key(),
				p.emails(),
				p.phones(), p.addresses(), p.birthday() == null ? null : p.birthday().toString(), p.tags(), p.ownerId(),
				p.ownerTeamId(), p.source(), p.status(), p.lifecycleStage(), p.consents(), p.customFields(), p.externalId(), p.createdAt(),
				p.updatedAt(), p.version(), possibleDuplicates);
	}
}
