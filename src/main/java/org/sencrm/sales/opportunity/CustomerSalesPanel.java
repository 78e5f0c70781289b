package org.sencrm.sales.opportunity;

import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.sales.order.Orders;
import org.sencrm.sales.quote.Quotes;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The sales panel of the person and organization pages (loaded by htmx, like the timeline panel,
 * so the directory does not depend on sales): the customer's latest opportunities, quotes and
 * orders that the user may see, each linking to its page; the opportunities link to their list.
 */
@Controller
class CustomerSalesPanel {

	private static final int SHOWN = 5;
	private static final Map<String, String> KINDS = Map.of("persons", "entity.person", "organizations", "entity.organization");

	private final Customers customers;
	private final OpportunityService opportunities;
	private final Quotes quotes;
	private final Orders orders;

	CustomerSalesPanel(Customers customers, OpportunityService opportunities, Quotes quotes, Orders orders) {
		this.customers = customers;
		this.opportunities = opportunities;
		this.quotes = quotes;
		this.orders = orders;
	}

	@GetMapping("/{kind:persons|organizations}/{id}/sales-panel")
	@Transactional(readOnly = true)
	String panel(@PathVariable String kind, @PathVariable String id, Model model) {
		var customer = Ids.parse(id, KINDS.get(kind));
		var found = kind.equals("persons") ? customers.person(customer) : customers.organization(customer);
		found.orElseThrow(() -> new NotFoundException(KINDS.get(kind)));
		UUID person = kind.equals("persons") ? customer : null;
		UUID organization = kind.equals("organizations") ? customer : null;
		model.addAttribute("opportunities", opportunities.list(new OpportunityFilter(null, null, null, null, null, null, person,
				organization, null, SHOWN)).items());
		model.addAttribute("quotes", quotes.list(null, person, organization, null, null, SHOWN).items());
		model.addAttribute("orders", orders.list(null, person, organization, null, SHOWN).items());
		model.addAttribute("filter", kind.equals("persons") ? "personId=" + customer : "organizationId=" + customer);
		return "sales/customer-panel :: panel";
	}
}
