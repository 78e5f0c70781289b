package org.sencrm.sales.forecast;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sales dashboard: KPI tiles, the forecast of the period as bars (won, commit, best case,
 * weighted, from history), the monthly bookings the history forecast rests on, and each
 * salesperson's figures against quota. Charts are plain SVG drawn on the server.
 */
@Controller
class SalesDashboardPages {

	/** One bar of a chart: its label, value and length in percent of the longest bar. */
	record Bar(String label, BigDecimal value, int percent) {
	}

	private final Forecasts forecasts;
	private final SalesKpis kpis;
	private final Quotas quotas;
	private final UserDirectory users;
	private final Access access;
	private final MessageSource messages;
	private final Clock clock;

	SalesDashboardPages(Forecasts forecasts, SalesKpis kpis, Quotas quotas, UserDirectory users, Access access,
			MessageSource messages, Clock clock) {
		this.forecasts = forecasts;
		this.kpis = kpis;
		this.quotas = quotas;
		this.users = users;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/sales/dashboard")
	String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String teamId, Model model) {
		Period chosen;
		try {
			chosen = period == null || period.isBlank() ? currentQuarter() : Period.parse(period, "period");
		} catch (ValidationException e) {
			model.addAttribute("periodError", FieldMessages.of(e, messages).get("period"));
			chosen = currentQuarter();
		}
		var filter = new Forecasts.Filter(currency, blank(ownerId) ? null : Ids.parse(ownerId, "entity.user"),
				blank(teamId) ? null : Ids.parse(teamId, "entity.team"));
		var forecast = forecasts.forecast(chosen, filter);
		model.addAttribute("period", chosen);
		model.addAttribute("filter", filter);
		model.addAttribute("forecast", forecast);
		var figures = kpis.of(chosen, filter);
		model.addAttribute("kpis", figures);
		var revenueByOwner = new java.util.HashMap<java.util.UUID, BigDecimal>();
		figures.revenueBySalesperson().forEach(r -> revenueByOwner.put(r.userId(), r.amount()));
		model.addAttribute("revenueByOwner", revenueByOwner);
		var kpisInBase = figures.inBaseCurrency();
		model.addAttribute("kpisInOtherCurrencies",
				kpisInBase.byCurrency().stream().anyMatch(c -> !c.currency().equals(kpisInBase.currency())));
		var notConverted = new java.util.TreeSet<String>(forecast.inBaseCurrency().notConverted());
		notConverted.addAll(kpisInBase.notConverted());
		model.addAttribute("notConverted", List.copyOf(notConverted));
		var f = forecast.total();
		var forecastBars = new ArrayList<Bar>();
		forecastBars.add(new Bar("forecast.closedWon", f.closedWon(), 0));
		forecastBars.add(new Bar("forecast.commit", f.commit(), 0));
		forecastBars.add(new Bar("forecast.bestCase", f.bestCase(), 0));
		forecastBars.add(new Bar("forecast.weighted", f.weighted(), 0));
		if (forecast.fromHistory() != null) {
			forecastBars.add(new Bar("forecast.fromHistory", forecast.fromHistory(), 0));
		}
		if (f.quota() != null) {
			forecastBars.add(new Bar("forecast.quota", f.quota(), 0));
		}
		model.addAttribute("forecastBars", scaled(forecastBars));
		model.addAttribute("historyBars", scaled(forecast.history().stream()
				.map(m -> new Bar(m.month().toString(), m.amount(), 0)).toList()));
		model.addAttribute("previousPeriod", chosen.previous().label());
		model.addAttribute("nextPeriod", chosen.next().label());
		model.addAttribute("users", users.users());
		model.addAttribute("teams", users.teams());
		model.addAttribute("setsQuotas", access.currentUser().role().editsEverything());
		return "sales/dashboard";
	}

	@PostMapping("/sales/quotas")
	String setQuota(@RequestParam String userId, @RequestParam String period, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String currency, RedirectAttributes redirect) {
		try {
			BigDecimal value = null;
			if (amount != null && !amount.isBlank()) {
				try {
					value = new BigDecimal(amount.strip().replace(" ", ""));
				} catch (NumberFormatException e) {
					throw new ValidationException(List.of(new ValidationException.FieldProblem("amount", "validation.number")));
				}
			}
			quotas.set(Ids.parse(userId, "entity.user"), period, value, currency);
			redirect.addAttribute("period", period);
		} catch (ValidationException e) {
			var problems = FieldMessages.of(e, messages);
			redirect.addFlashAttribute("quotaError", String.join(" ", problems.values()));
		}
		return "redirect:/sales/dashboard";
	}

	private Period currentQuarter() {
		return Period.quarterOf(users.workspace().today(clock));
	}

	/** The bars with their lengths relative to the longest one (at least a sliver when not zero). */
	static List<Bar> scaled(List<Bar> bars) {
		var max = bars.stream().map(Bar::value).filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		return bars.stream().map(b -> new Bar(b.label(), b.value(), max.signum() == 0 || b.value() == null ? 0
				: Math.max(b.value().signum() > 0 ? 1 : 0,
						b.value().multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue())))
				.toList();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
