package org.sencrm.directory.person;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person as the API shows it (read, create, update, merge). */
public record PersonJson(UUID id, String displayName, String familyName, String middleName, String givenName, String nameOrder,
		List<?> emails, List<?> phones, List<?> addresses, String birthday, List<String> tags, UUID ownerId,
		UUID ownerTeamId, String source, String status, String lifecycleStage, Map<String, Consent> consents,
		Map<String, Object> customFields, String externalId, Instant createdAt, Instant updatedAt, int version) {

	static final List<String> READ_ONLY = List.of("id", "displayName", "createdAt", "updatedAt", "version");

	public static PersonJson of(Person p) {
		return new PersonJson(p.id(), p.displayName(), p.familyName(), p.middleName(), p.givenName(), p.nameOrder().key(),
				p.emails(),
				p.phones(), p.addresses(), p.birthday() == null ? null : p.birthday().toString(), p.tags(), p.ownerId(),
				p.ownerTeamId(), p.source(), p.status(), p.lifecycleStage(), p.consents(), p.customFields(), p.externalId(), p.createdAt(),
				p.updatedAt(), p.version());
	}
}
