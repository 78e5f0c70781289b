package org.sencrm.sales.product;

import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.document.FormNumbers;
import org.sencrm.sales.pricing.TaxRate;
import org.sencrm.trash.Trash;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The product catalogue pages: the list with search, and the form to add or change a product. */
@Controller
class ProductPages {

	/** What the product form holds; numbers stay text until the service checks them. */
	public static class ProductForm {
		private String sku;
		private String name;
		private String description;
		private String unit;
		private String taxRate = "10";
		private String unitPrice;
		private String currency;
		private boolean active = true;
		private int version;

		static ProductForm of(Product p) {
			var form = new ProductForm();
			form.sku = p.sku();
			form.name = p.name();
			form.description = p.description();
			form.unit = p.unit();
			form.taxRate = p.taxRate().code();
			form.unitPrice = p.unitPrice().toPlainString();
			form.currency = p.currency();
			form.active = p.active();
			form.version = p.version();
			return form;
		}

		ProductDraft toDraft() {
			var problems = new ValidationException.Collector();
			var price = FormNumbers.parse(unitPrice, "unitPrice", problems);
			problems.throwIfAny();
			return new ProductDraft(sku, name, description, unit, taxRate, price, currency, active);
		}

		public String getSku() { return sku; }
		public void setSku(String sku) { this.sku = sku; }
		public String getName() { return name; }
		public void setName(String name) { this.name = name; }
		public String getDescription() { return description; }
		public void setDescription(String description) { this.description = description; }
		public String getUnit() { return unit; }
		public void setUnit(String unit) { this.unit = unit; }
		public String getTaxRate() { return taxRate; }
		public void setTaxRate(String taxRate) { this.taxRate = taxRate; }
		public String getUnitPrice() { return unitPrice; }
		public void setUnitPrice(String unitPrice) { this.unitPrice = unitPrice; }
		public String getCurrency() { return currency; }
		public void setCurrency(String currency) { this.currency = currency; }
		public boolean isActive() { return active; }
		public void setActive(boolean active) { this.active = active; }
		public int getVersion() { return version; }
		public void setVersion(int version) { this.version = version; }
	}

	private final Products products;
	private final Access access;
	private final UserDirectory users;
	private final MessageSource messages;
	private final Trash trash;

	ProductPages(Products products, Access access, UserDirectory users, MessageSource messages, Trash trash) {
		this.trash = trash;
		this.products = products;
		this.access = access;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/products")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		var page = products.list(q, null, cursor, 50);
		model.addAttribute("products", page.items());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("nextUrl", page.nextCursor() == null ? null
				: "/products?cursor=" + page.nextCursor() + (q == null ? "" : "&q=" + java.net.URLEncoder.encode(q,
						java.nio.charset.StandardCharsets.UTF_8)));
		return "sales/products";
	}

	@GetMapping("/products/new")
	String newProduct(Model model) {
		access.requireWrite();
		var form = new ProductForm();
		form.setCurrency(users.workspace().currency());
		return form(model, form, null, Map.of());
	}

	@PostMapping("/products")
	String create(@ModelAttribute("form") ProductForm form, Model model, RedirectAttributes redirect) {
		try {
			products.create(form.toDraft());
			redirect.addFlashAttribute("notice", "product.created");
			return "redirect:/products";
		} catch (ValidationException e) {
			return form(model, form, null, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/products/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		access.requireWrite();
		var product = products.get(Ids.parse(id, "entity.product"));
		return form(model, ProductForm.of(product), product.id(), Map.of());
	}

	@PostMapping("/products/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") ProductForm form, Model model, RedirectAttributes redirect) {
		var productId = Ids.parse(id, "entity.product");
		try {
			products.update(productId, form.toDraft(), form.getVersion());
			redirect.addFlashAttribute("notice", "product.saved");
			return "redirect:/products";
		} catch (ValidationException e) {
			return form(model, form, productId, FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return form(model, form, productId, Map.of());
		}
	}

	private String form(Model model, ProductForm form, UUID productId, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("productId", productId);
		model.addAttribute("canDelete", productId != null && trash.mayDelete("product", productId));
		model.addAttribute("errors", errors);
		model.addAttribute("taxRates", TaxRate.VIETNAM);
		return "sales/product-form";
	}

	/** Moves the product to the trash (decision 22); a refusal is shown on its page. */
	@PostMapping("/products/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var productId = Ids.parse(id, "entity.product");
		try {
			products.delete(productId);
		} catch (org.sencrm.trash.TrashBlockedException blocked) {
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/products/" + productId;
		}
		redirect.addFlashAttribute("notice", "trash.moved");
		return "redirect:/products";
	}
}
