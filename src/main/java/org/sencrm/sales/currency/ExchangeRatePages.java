package org.sencrm.sales.currency;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: the exchange rates the forecast converts other currencies with into the workspace's currency. */
@Controller
class ExchangeRatePages {

	/** The form as typed: the rate and date as text, so a wrong one comes back as it was written. */
	record RateForm(String currency, String rateToBase, String validFrom) {
	}

	private final ExchangeRates rates;
	private final Access access;
	private final MessageSource messages;
	private final Clock clock;

	ExchangeRatePages(ExchangeRates rates, Access access, MessageSource messages, Clock clock) {
		this.rates = rates;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/exchange-rates")
	String show(Model model) {
		access.requireAdmin();
		return page(model, new RateForm("USD", null, LocalDate.now(clock).toString()), Map.of());
	}

	@PostMapping("/admin/exchange-rates")
	String save(@ModelAttribute("rate") RateForm form, Model model, RedirectAttributes redirect) {
		access.requireAdmin();
		try {
			rates.set(new ExchangeRates.Draft(form.currency(), number(form.rateToBase()), date(form.validFrom())));
			redirect.addFlashAttribute("notice", "exchangeRates.saved");
			return "redirect:/admin/exchange-rates";
		} catch (ValidationException e) {
			return page(model, form, FieldMessages.of(e, messages));
		}
	}

	@PostMapping("/admin/exchange-rates/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		rates.delete(Ids.parse(id, "entity.exchangeRate"));
		redirect.addFlashAttribute("notice", "exchangeRates.deleted");
		return "redirect:/admin/exchange-rates";
	}

	private String page(Model model, RateForm form, Map<String, String> errors) {
		model.addAttribute("rate", form);
		model.addAttribute("errors", errors);
		model.addAttribute("baseCurrency", rates.baseCurrency());
		model.addAttribute("rates", rates.list());
		return "sales/exchange-rates";
	}

	private static BigDecimal number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(" ", ""));
		} catch (NumberFormatException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("rateToBase", "validation.number")));
		}
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		} catch (DateTimeParseException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("validFrom", "validation.date")));
		}
	}
}
