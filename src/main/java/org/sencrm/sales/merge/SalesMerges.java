package org.sencrm.sales.merge;

import java.util.List;

import org.sencrm.directory.Merges;
import org.springframework.stereotype.Component;

/**
 * Sales' part of a merge (decision 33): opportunities and their buying centers, quotes, orders,
 * contracts, and leads linked to or converted into the merged-away customer move to the survivor.
 * The customer name kept on documents follows the survivor's name (PersonRenamed, decision 24).
 */
@Component
class SalesMerges implements Merges.Holder {

	@Override
	public List<Merges.Link> links() {
		return List.of(
				Merges.Link.of("person", "opportunities", "person_id"),
				Merges.Link.of("organization", "opportunities", "organization_id"),
				Merges.Link.of("person", "opportunity_contacts", "person_id").keyedBy("opportunity_id").uniqueWith("opportunity_id"),
				Merges.Link.of("person", "quotes", "person_id"),
				Merges.Link.of("organization", "quotes", "organization_id"),
				Merges.Link.of("person", "orders", "person_id"),
				Merges.Link.of("organization", "orders", "organization_id"),
				Merges.Link.of("person", "contracts", "person_id"),
				Merges.Link.of("organization", "contracts", "organization_id"),
				Merges.Link.of("person", "leads", "linked_person_id"),
				Merges.Link.of("organization", "leads", "linked_organization_id"),
				Merges.Link.of("person", "leads", "converted_person_id"),
				Merges.Link.of("organization", "leads", "converted_organization_id"));
	}
}
