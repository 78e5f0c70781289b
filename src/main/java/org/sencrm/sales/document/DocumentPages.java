package org.sencrm.sales.document;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.NotFoundException;
import org.sencrm.sales.pricing.TaxRate;
import org.sencrm.sales.product.Products;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the quote and order pages share besides the form: for the form, products, VAT rates and the
 * picked customer's names; for the lists, the customer they are narrowed to and the links that keep
 * or drop the filters.
 */
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

	/** Fills the model for templates/sales/document-form.html as a new document ({@code action} is /quotes or /orders). */
	public String form(Model model, String kind, String action, DocumentForm form, Map<String, String> errors) {
		return fill(model, kind, action, action, action + "/new", null, form, errors);
	}

	/** The same form for changing a draft: posts to /quotes/{id}, reloads from /quotes/{id}/edit. */
	public String editForm(Model model, String kind, UUID id, String number, DocumentForm form, Map<String, String> errors) {
		var page = "/" + kind + "s/" + id;
		return fill(model, kind, page, page, page + "/edit", number, form, errors);
	}

	private String fill(Model model, String kind, String action, String cancelUrl, String reloadUrl, String number,
			DocumentForm form, Map<String, String> errors) {
		if (form.getCurrency() == null || form.getCurrency().isBlank()) {
			form.setCurrency(users.workspace().currency());
		}
		form.addSpareRows();
		// a rate that came through the API (another country's) stays selectable on its line
		var taxRates = new ArrayList<>(TaxRate.VIETNAM);
		form.getLines().stream().map(DocumentForm.LineForm::getTaxRate).filter(Objects::nonNull)
				.map(rate -> TaxRate.parse(rate).map(TaxRate::code).orElse(null)).filter(Objects::nonNull)
				.filter(code -> !taxRates.contains(code)).distinct().forEach(taxRates::add);
		model.addAttribute("kind", kind);
		model.addAttribute("action", action);
		model.addAttribute("cancelUrl", cancelUrl);
		model.addAttribute("reloadUrl", reloadUrl);
		model.addAttribute("number", number);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("products", products.offered());
		model.addAttribute("taxRates", taxRates);
		model.addAttribute("person", name(form.getPersonId(), true));
		model.addAttribute("organization", name(form.getOrganizationId(), false));
		return "sales/document-form";
	}

	/**
	 * The filters of a list page ({@code path} /quotes or /orders) for templates/sales/fragments.html
	 * {@code listFilters}: the status, the customer's name (an unknown customer is not found), the
	 * list without the customer, and the next page with every filter kept.
	 */
	public void listFilters(Model model, String path, String status, UUID personId, UUID organizationId, String nextCursor) {
		String customer = null;
		if (personId != null || organizationId != null) {
			var person = personId == null ? null
					: customers.person(personId).orElseThrow(() -> new NotFoundException("entity.person")).name();
			var organization = organizationId == null ? null
					: customers.organization(organizationId).orElseThrow(() -> new NotFoundException("entity.organization")).name();
			customer = organization == null ? person : person == null ? organization : organization + " — " + person;
		}
		model.addAttribute("status", status);
		model.addAttribute("personId", personId);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("customerName", customer);
		model.addAttribute("withoutCustomerUrl", link(path, status, null, null, null));
		model.addAttribute("nextUrl", nextCursor == null ? null : link(path, status, personId, organizationId, nextCursor));
	}

	private static String link(String path, String status, UUID personId, UUID organizationId, String cursor) {
		var link = UriComponentsBuilder.fromPath(path);
		if (status != null && !status.isBlank()) {
			link.queryParam("status", status);
		}
		if (personId != null) {
			link.queryParam("personId", personId);
		}
		if (organizationId != null) {
			link.queryParam("organizationId", organizationId);
		}
		if (cursor != null) {
			link.queryParam("cursor", cursor);
		}
		return link.encode().build().toUriString();
	}

	private String name(UUID id, boolean person) {
		if (id == null) {
			return null;
		}
		return (person ? customers.person(id) : customers.organization(id)).map(Customers.CustomerSummary::name).orElse(null);
	}
}
