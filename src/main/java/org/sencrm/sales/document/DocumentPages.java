package org.sencrm.sales.document;

import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.sales.pricing.TaxRate;
import org.sencrm.sales.product.Products;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the new-quote and new-order form pages need besides the form: products, VAT rates, the picked customer's names. */
@Component
public class DocumentPages {

	private final Products products;
	private final Customers customers;
	private final UserDirectory users;

	DocumentPages(Products products, Customers customers, UserDirectory users) {
		this.products = products;
		this.customers = customers;
		this.users = users;
	}

	/** Fills the model for templates/sales/document-form.html and returns its name. */
	public String form(Model model, String kind, String action, DocumentForm form, Map<String, String> errors) {
		if (form.getCurrency() == null || form.getCurrency().isBlank()) {
			form.setCurrency(users.workspace().currency());
		}
		form.addSpareRows();
		model.addAttribute("kind", kind);
		model.addAttribute("action", action);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("products", products.offered());
		model.addAttribute("taxRates", TaxRate.VIETNAM);
		model.addAttribute("person", name(form.getPersonId(), true));
		model.addAttribute("organization", name(form.getOrganizationId(), false));
		return "sales/document-form";
	}

	private String name(UUID id, boolean person) {
		if (id == null) {
			return null;
		}
		return (person ? customers.person(id) : customers.organization(id)).map(Customers.CustomerSummary::name).orElse(null);
	}
}
