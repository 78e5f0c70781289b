package org.sencrm.sales.product;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.document.FormNumbers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Price lists: the list with a form for a new one, and one list's page with its settings and a
 * price field for every active product (empty: the product is not in the list).
 */
@Controller
class PriceListPages {

	private final PriceLists priceLists;
	private final Products products;
	private final Access access;
	private final UserDirectory users;
	private final MessageSource messages;

	PriceListPages(PriceLists priceLists, Products products, Access access, UserDirectory users, MessageSource messages) {
		this.priceLists = priceLists;
		this.products = products;
		this.access = access;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/price-lists")
	String list(Model model) {
		model.addAttribute("priceLists", priceLists.all());
		model.addAttribute("currency", users.workspace().currency());
		model.addAttribute("errors", Map.of());
		model.addAttribute("form", Map.of());
		return "sales/price-lists";
	}

	@PostMapping("/price-lists")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		try {
			var list = priceLists.create(draft(params, null));
			redirect.addFlashAttribute("notice", "priceList.created");
			return "redirect:/price-lists/" + list.id();
		} catch (ValidationException e) {
			model.addAttribute("priceLists", priceLists.all());
			model.addAttribute("currency", params.getFirst("currency"));
			model.addAttribute("errors", FieldMessages.of(e, messages));
			model.addAttribute("form", params.toSingleValueMap());
			return "sales/price-lists";
		}
	}

	@GetMapping("/price-lists/{id}")
	String show(@PathVariable String id, Model model) {
		var list = priceLists.get(Ids.parse(id, "entity.price-list"));
		var prices = new java.util.HashMap<UUID, String>();
		list.prices().forEach(p -> prices.put(p.productId(), p.unitPrice().toPlainString()));
		return page(model, list, prices, Map.of());
	}

	@PostMapping("/price-lists/{id}")
	String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		var list = priceLists.get(Ids.parse(id, "entity.price-list"));
		try {
			priceLists.update(list.id(), draft(params, list), Integer.parseInt(params.getFirst("version")));
			redirect.addFlashAttribute("notice", "priceList.saved");
			return "redirect:/price-lists/" + list.id();
		} catch (ValidationException e) {
			var typed = new java.util.HashMap<UUID, String>();
			params.forEach((key, values) -> {
				if (key.startsWith("price.")) {
					typed.put(UUID.fromString(key.substring(6)), values.getFirst());
				}
			});
			return page(model, list, typed, FieldMessages.of(e, messages));
		} catch (StaleVersionException | NumberFormatException e) {
			model.addAttribute("stale", true);
			return page(model, list, new java.util.HashMap<>(), Map.of());
		}
	}

	private String page(Model model, PriceList list, Map<UUID, String> prices, Map<String, String> errors) {
		model.addAttribute("list", list);
		model.addAttribute("products", products.offered());
		model.addAttribute("prices", prices);
		model.addAttribute("errors", errors);
		return "sales/price-list";
	}

	/** The form as a draft; prices come as price.&lt;productId&gt; fields, empty ones left out. */
	private PriceListDraft draft(MultiValueMap<String, String> params, PriceList current) {
		access.requireWrite();
		var problems = new ValidationException.Collector();
		var discount = FormNumbers.parse(params.getFirst("discountPercent"), "discountPercent", problems);
		var prices = new ArrayList<PriceListDraft.PriceInput>();
		for (var entry : params.entrySet()) {
			if (!entry.getKey().startsWith("price.") || entry.getValue().getFirst().isBlank()) {
				continue;
			}
			UUID product;
			try {
				product = UUID.fromString(entry.getKey().substring(6));
			} catch (IllegalArgumentException e) {
				continue;
			}
			prices.add(new PriceListDraft.PriceInput(product,
					FormNumbers.parse(entry.getValue().getFirst(), "price." + product, problems)));
		}
		problems.throwIfAny();
		return new PriceListDraft(params.getFirst("name"), params.getFirst("currency"), params.containsKey("active"),
				params.containsKey("isDefault"), params.getFirst("validFrom"), params.getFirst("validTo"), discount,
				current == null ? null : prices);
	}
}
