package org.sencrm.sales.contract;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.platform.NotFoundException;
import org.sencrm.sales.document.DocumentHistoryLines;
import org.sencrm.sales.document.FormNumbers;
import org.sencrm.sales.order.Orders;
import org.sencrm.sales.pricing.LinePricing;
import org.sencrm.trash.Trash;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contract pages: the list with the renewal rate, a new contract, a contract with renewal and cancellation. */
@Controller
class ContractPages {

	private final Contracts contracts;
	private final Customers customers;
	private final UserDirectory users;
	private final Orders orders;
	private final DocumentHistoryLines history;
	private final Access access;
	private final MessageSource messages;
	private final Clock clock;
	private final Trash trash;

	ContractPages(Contracts contracts, Customers customers, UserDirectory users, Orders orders, DocumentHistoryLines history,
			Access access, MessageSource messages, Clock clock, Trash trash) {
		this.trash = trash;
		this.orders = orders;
		this.history = history;
		this.contracts = contracts;
		this.customers = customers;
		this.users = users;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/contracts")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor, Model model) {
		var page = contracts.list(status, null, null, cursor, 50);
		var today = users.workspace().today(clock);
		model.addAttribute("contracts", page.items());
		model.addAttribute("status", status);
		model.addAttribute("statuses", Contract.STATUSES);
		model.addAttribute("rate", contracts.renewalRate(today.minusYears(1).plusDays(1), today));
		model.addAttribute("nextUrl", page.nextCursor() == null ? null
				: "/contracts?cursor=" + page.nextCursor() + (status == null ? "" : "&status=" + status));
		return "sales/contracts";
	}

	@GetMapping("/contracts/new")
	String newContract(@RequestParam(required = false) UUID personId, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) UUID orderId, Model model) {
		access.requireWrite();
		var form = new HashMap<String, String>();
		form.put("personId", personId == null ? null : personId.toString());
		form.put("organizationId", organizationId == null ? null : organizationId.toString());
		form.put("orderId", orderId == null ? null : orderId.toString());
		form.put("startDate", users.workspace().today(clock).toString());
		form.put("currency", users.workspace().currency());
		return form(model, form, Map.of());
	}

	@PostMapping("/contracts")
	String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		try {
			var problems = new ValidationException.Collector();
			var value = FormNumbers.parse(params.get("value"), "value", problems);
			var person = id(params.get("personId"));
			var organization = id(params.get("organizationId"));
			problems.throwIfAny();
			var contract = contracts.create(new ContractDraft(params.get("title"), person, organization, id(params.get("orderId")),
					params.get("startDate"), params.get("endDate"), params.get("renewalDate"), value, params.get("currency"),
					params.get("notes"), null, null, null));
			redirect.addFlashAttribute("notice", "contract.created");
			return "redirect:/contracts/" + contract.id();
		} catch (ValidationException e) {
			return form(model, params, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/contracts/{id}")
	String show(@PathVariable String id, Model model) {
		var contract = contracts.get(Ids.parse(id, "entity.contract"));
		model.addAttribute("canEdit", access.currentUser().canEdit(contract.ownerId(), contract.ownerTeamId()));
		model.addAttribute("errors", Map.of());
		return page(model, contract);
	}

	/** The contract with its history; its order reads as the order's number. */
	private String page(Model model, Contract contract) {
		model.addAttribute("contract", contract);
		model.addAttribute("canDelete", trash.mayDelete("contract", contract.id()));
		var names = new HashMap<String, String>();
		if (contract.orderId() != null) {
			try {
				names.put(contract.orderId().toString(), orders.get(contract.orderId()).number());
			} catch (NotFoundException e) {
				// a deleted order shows as its id
			}
		}
		model.addAttribute("history", history.of("contract", contract.currency(), names, contracts.history(contract.id())));
		return "sales/contract";
	}

	@PostMapping("/contracts/{id}/renew")
	String renew(@PathVariable String id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		var contractId = Ids.parse(id, "entity.contract");
		try {
			var problems = new ValidationException.Collector();
			var value = FormNumbers.parse(params.get("value"), "value", problems);
			problems.throwIfAny();
			var renewed = contracts.renew(contractId, new ContractDraft.Renewal(params.get("startDate"), params.get("endDate"),
					params.get("renewalDate"), value, null));
			redirect.addFlashAttribute("notice", "contract.renewed");
			return "redirect:/contracts/" + renewed.id();
		} catch (ValidationException e) {
			model.addAttribute("canEdit", true);
			model.addAttribute("renewal", params);
			model.addAttribute("errors", FieldMessages.of(e, messages));
			return page(model, contracts.get(contractId));
		}
	}

	@PostMapping("/contracts/{id}/cancel")
	String cancel(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
		var contract = contracts.get(Ids.parse(id, "entity.contract"));
		var draft = contract.toDraft();
		contracts.update(contract.id(), new ContractDraft(draft.title(), draft.personId(), draft.organizationId(), draft.orderId(),
				draft.startDate(), draft.endDate(), draft.renewalDate(), draft.value(), draft.currency(), draft.notes(), "cancelled",
				draft.ownerId(), draft.ownerTeamId()), version);
		redirect.addFlashAttribute("notice", "contract.cancelled");
		return "redirect:/contracts/" + contract.id();
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		var person = id(form.get("personId"));
		var organization = id(form.get("organizationId"));
		model.addAttribute("person", person == null ? null : customers.person(person).map(Customers.CustomerSummary::name).orElse(null));
		model.addAttribute("organization", organization == null ? null
				: customers.organization(organization).map(Customers.CustomerSummary::name).orElse(null));
		return "sales/contract-form";
	}

	private static UUID id(String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Moves the contract to the trash (decision 22); a refusal is shown on its page. */
	@PostMapping("/contracts/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var contractId = Ids.parse(id, "entity.contract");
		try {
			contracts.delete(contractId, version);
		} catch (org.sencrm.trash.TrashBlockedException blocked) {
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/contracts/" + contractId;
		}
		redirect.addFlashAttribute("notice", "trash.moved");
		return "redirect:/contracts";
	}
}
