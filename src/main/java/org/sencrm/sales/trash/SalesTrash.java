package org.sencrm.sales.trash;

import java.util.Set;

import org.sencrm.trash.DeleteRule;
import org.sencrm.trash.HangsOn;
import org.sencrm.trash.TrashableKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leads, opportunities, quotes, orders, contracts and products go to the trash when deleted. A
 * customer takes its opportunities, quotes, orders and contracts along; an opportunity takes its
 * quotes (the offers made for it) but not its orders or contracts, which are facts of their own and
 * keep a link that the purge clears. A document that binds the customer (a sent or accepted quote, a
 * confirmed, delivered or paid order, an active or renewed contract) is deleted only by managers
 * and administrators; its owners delete drafts and dead documents (decision 22).
 */
@Configuration(proxyBeanMethods = false)
class SalesTrash {

	private static final HangsOn PERSON = HangsOn.to("person", "person_id");
	private static final HangsOn ORGANIZATION = HangsOn.to("organization", "organization_id");

	@Bean
	TrashableKind opportunityKind() {
		return TrashableKind.of("opportunity", "opportunities", "name").ownedBy("owner_id", "owner_team_id")
				.hangsOn(PERSON, ORGANIZATION).page("/sales/opportunities/%s");
	}

	@Bean
	TrashableKind quoteKind() {
		return TrashableKind.of("quote", "quotes", "number || coalesce(' · ' || customer_name, '')")
				.ownedBy("owner_id", "owner_team_id").withStatus("status")
				.hangsOn(PERSON, ORGANIZATION, HangsOn.to("opportunity", "opportunity_id"))
				.deletableWhen(DeleteRule.ownerWhile(Set.of("draft", "rejected", "expired"))).page("/quotes/%s");
	}

	@Bean
	TrashableKind orderKind() {
		return TrashableKind.of("order", "orders", "number || coalesce(' · ' || customer_name, '')")
				.ownedBy("owner_id", "owner_team_id").withStatus("status").hangsOn(PERSON, ORGANIZATION)
				.deletableWhen(DeleteRule.ownerWhile(Set.of("draft", "cancelled"))).page("/orders/%s");
	}

	@Bean
	TrashableKind contractKind() {
		return TrashableKind.of("contract", "contracts", "number || ' · ' || title").ownedBy("owner_id", "owner_team_id")
				.withStatus("status").hangsOn(PERSON, ORGANIZATION)
				.deletableWhen(DeleteRule.ownerWhile(Set.of("expired", "cancelled"))).page("/contracts/%s");
	}

	@Bean
	TrashableKind leadKind() {
		return TrashableKind.of("lead", "leads",
				"coalesce(nullif(concat_ws(' ', family_name, given_name), ''), company_name, email, phone, '—')")
				.ownedBy("owner_id", "owner_team_id").page("/leads/%s")
				// as for editing: an unassigned lead is anyone's to take (LeadAccess)
				.deletableWhen((user, lead) -> user.canEdit(lead.ownerId(), lead.teamId())
						|| lead.ownerId() == null && user.role().writes());
	}

	@Bean
	TrashableKind productKind() {
		return TrashableKind.of("product", "products", "sku || ' · ' || name").deletableWhen(DeleteRule.EDITS_EVERYTHING)
				.page("/products/%s/edit");
	}
}
