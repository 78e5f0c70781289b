package org.sencrm.directory.trash;

import org.sencrm.trash.HangsOn;
import org.sencrm.trash.TrashableKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persons and organizations go to the trash when deleted; a contact role goes with either side
 * (it is a link between the two, which anyone who may delete one side may take along).
 */
@Configuration(proxyBeanMethods = false)
class CustomerTrash {

	@Bean
	TrashableKind personKind() {
		return TrashableKind.of("person", "persons",
				// in the person's own name order (decision 24)
				"case when name_order = 'family_first' then concat_ws(' ', family_name, middle_name, given_name)"
						+ " else concat_ws(' ', given_name, middle_name, family_name) end").ownedBy("owner_id", "owner_team_id").page("/persons/%s");
	}

	@Bean
	TrashableKind organizationKind() {
		return TrashableKind.of("organization", "organizations", "name").ownedBy("owner_id", "owner_team_id")
				.page("/organizations/%s");
	}

	@Bean
	TrashableKind contactRoleKind() {
		return TrashableKind.of("contact_role", "contact_roles", "coalesce(job_title, '')")
				.hangsOn(HangsOn.to("person", "person_id"), HangsOn.to("organization", "organization_id"))
				.deletableWhen((user, member) -> user.role().writes());
	}
}
