package org.sencrm.sales.order;

import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.document.DocumentForm;
import org.sencrm.sales.document.DocumentHistoryLines;
import org.sencrm.sales.document.DocumentPages;
import org.sencrm.sales.document.FormNumbers;
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

/**
 * Order pages: the list (by status and customer), a new order (or one from an accepted quote), a
 * draft's edit form, an order with its status buttons and payments.
 */
@Controller
class OrderPages {

	private final Orders orders;
	private final OrderPayments payments;
	private final DocumentPages documents;
	private final DocumentHistoryLines history;
	private final Access access;
	private final MessageSource messages;
	private final Trash trash;

	OrderPages(Orders orders, OrderPayments payments, DocumentPages documents, DocumentHistoryLines history, Access access,
			MessageSource messages, Trash trash) {
		this.trash = trash;
		this.history = history;
		this.orders = orders;
		this.payments = payments;
		this.documents = documents;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/orders")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID personId,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String cursor, Model model) {
		var page = orders.list(status, personId, organizationId, cursor, 50);
		model.addAttribute("orders", page.items());
		model.addAttribute("statuses", Order.STATUSES);
		documents.listFilters(model, "/orders", status, personId, organizationId, page.nextCursor());
		return "sales/orders";
	}

	@GetMapping("/orders/new")
	String newOrder(@RequestParam(required = false) UUID personId, @RequestParam(required = false) UUID organizationId,
			Model model) {
		access.requireWrite();
		var form = new DocumentForm();
		form.setPersonId(personId);
		form.setOrganizationId(organizationId);
		return documents.form(model, "order", "/orders", form, Map.of());
	}

	@PostMapping("/orders")
	String create(@ModelAttribute("form") DocumentForm form, Model model, RedirectAttributes redirect) {
		try {
			var problems = new ValidationException.Collector();
			var lines = form.lineInputs(problems);
			problems.throwIfAny();
			var order = orders.create(new OrderDraft(null, null, form.getPersonId(), form.getOrganizationId(), null,
					form.getCurrency(), form.getDate(), form.getNotes(), lines, null, null, null));
			redirect.addFlashAttribute("notice", "order.created");
			return "redirect:/orders/" + order.id();
		} catch (ValidationException e) {
			return documents.form(model, "order", "/orders", form, FieldMessages.of(e, messages));
		}
	}

	@PostMapping("/orders/from-quote/{quoteId}")
	String fromQuote(@PathVariable String quoteId, RedirectAttributes redirect) {
		var order = orders.create(new OrderDraft(Ids.parse(quoteId, "entity.quote"), null, null, null, null, null, null, null,
				null, null, null, null));
		redirect.addFlashAttribute("notice", "order.created");
		return "redirect:/orders/" + order.id();
	}

	@GetMapping("/orders/{id}")
	String show(@PathVariable String id, Model model) {
		var order = orders.get(Ids.parse(id, "entity.order"));
		return page(model, order, Map.of());
	}

	/** The form of a draft order; other orders are refused with the reason (409). */
	@GetMapping("/orders/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var order = orders.editable(Ids.parse(id, "entity.order"));
		var form = DocumentForm.of(order.personId(), order.organizationId(), order.currency(), order.orderedOn(), order.notes(),
				order.lines(), order.version());
		return documents.editForm(model, "order", order.id(), order.number(), form, Map.of());
	}

	@PostMapping("/orders/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") DocumentForm form, Model model, RedirectAttributes redirect) {
		var order = orders.editable(Ids.parse(id, "entity.order"));
		try {
			orders.revise(order.id(), form.revision(), form.getVersion());
			redirect.addFlashAttribute("notice", "order.saved");
			return "redirect:/orders/" + order.id();
		} catch (ValidationException e) {
			return documents.editForm(model, "order", order.id(), order.number(), form, FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return documents.editForm(model, "order", order.id(), order.number(), form, Map.of());
		}
	}

	@PostMapping("/orders/{id}/status")
	String status(@PathVariable String id, @RequestParam String status, @RequestParam int version, RedirectAttributes redirect) {
		var order = orders.changeStatus(Ids.parse(id, "entity.order"), status, version);
		redirect.addFlashAttribute("notice", "order.statusChanged");
		return "redirect:/orders/" + order.id();
	}

	@PostMapping("/orders/{id}/payments")
	String pay(@PathVariable String id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		var orderId = Ids.parse(id, "entity.order");
		try {
			var problems = new ValidationException.Collector();
			var amount = FormNumbers.parse(params.get("amount"), "amount", problems);
			problems.throwIfAny();
			payments.record(orderId, new Payment.Draft(amount, params.get("paidOn"), params.get("method"), params.get("reference")));
			redirect.addFlashAttribute("notice", "order.paymentRecorded");
			return "redirect:/orders/" + orderId;
		} catch (ValidationException e) {
			model.addAttribute("payment", params);
			return page(model, orders.get(orderId), FieldMessages.of(e, messages));
		}
	}

	/** Removes a payment recorded by mistake (the page asks first); says so when the order is no longer paid. */
	@PostMapping("/orders/{id}/payments/{paymentId}/remove")
	String removePayment(@PathVariable String id, @PathVariable String paymentId, RedirectAttributes redirect) {
		var before = orders.get(Ids.parse(id, "entity.order"));
		var order = payments.remove(before.id(), Ids.parse(paymentId, "entity.payment"), null);
		redirect.addFlashAttribute("notice", order.status().equals(before.status()) ? "order.paymentRemoved"
				: "order.paymentRemovedUnpaid");
		return "redirect:/orders/" + order.id();
	}

	private String page(Model model, Order order, Map<String, String> errors) {
		model.addAttribute("order", order);
		model.addAttribute("payments", payments.of(order.id()));
		model.addAttribute("next", Order.NEXT.get(order.status()));
		model.addAttribute("methods", Payment.METHODS);
		model.addAttribute("canEdit", access.currentUser().canEdit(order.ownerId(), order.ownerTeamId()));
		model.addAttribute("canDelete", trash.mayDelete("order", order.id()));
		model.addAttribute("errors", errors);
		model.addAttribute("history", history.of("order", order.currency(), Map.of(), orders.history(order.id())));
		if (!model.containsAttribute("payment")) {
			model.addAttribute("payment", Map.of());
		}
		return "sales/order";
	}

	/** Moves the order to the trash (decision 22); a refusal is shown on its page. */
	@PostMapping("/orders/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var orderId = Ids.parse(id, "entity.order");
		try {
			orders.delete(orderId, version);
		} catch (org.sencrm.trash.TrashBlockedException blocked) {
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/orders/" + orderId;
		}
		redirect.addFlashAttribute("notice", "trash.moved");
		return "redirect:/orders";
	}
}
