package org.sencrm.directory.merge;

import java.util.List;

import org.sencrm.directory.Merges;
import org.springframework.stereotype.Component;

/** The directory's own links: contact roles move to the survivor, unless it already has a role at that organization (or that contact). */
@Component
class DirectoryMerges implements Merges.Holder {

	@Override
	public List<Merges.Link> links() {
		return List.of(Merges.Link.of("person", "contact_roles", "person_id").uniqueWith("organization_id"),
				Merges.Link.of("organization", "contact_roles", "organization_id").uniqueWith("person_id"));
	}
}
