package org.sencrm.sales.forecast;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/forecast}, {@code /api/v1/sales/kpis} and {@code /api/v1/quotas}: the forecast
 * and KPIs of a month ({@code 2027-01}) or quarter ({@code 2027-Q1}, the current one when left
 * out), and the quotas they are measured against.
 */
@RestController
class ForecastApi {

	private final Forecasts forecasts;
	private final SalesKpis kpis;
	private final Quotas quotas;
	private final UserDirectory users;
	private final RequestBodies bodies;
	private final Clock clock;

	ForecastApi(Forecasts forecasts, SalesKpis kpis, Quotas quotas, UserDirectory users, RequestBodies bodies, Clock clock) {
		this.bodies = bodies;
		this.forecasts = forecasts;
		this.kpis = kpis;
		this.quotas = quotas;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/api/v1/forecast")
	Forecast forecast(@RequestParam(required = false) String period, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String teamId) {
		return forecasts.forecast(period(period), filter(currency, ownerId, teamId));
	}

	@GetMapping("/api/v1/sales/kpis")
	SalesKpis.Kpis kpis(@RequestParam(required = false) String period, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String teamId) {
		return kpis.of(period(period), filter(currency, ownerId, teamId));
	}

	@GetMapping("/api/v1/quotas")
	List<Quotas.Quota> quotas(@RequestParam(required = false) String period) {
		return quotas.list(period(period));
	}

	/** Sets a user's quota for a month or a quarter (split over its months). */
	record QuotaRequest(UUID userId, String period, BigDecimal amount, String currency) {
	}

	@PutMapping("/api/v1/quotas")
	@ApiBody(value = QuotaRequest.class, required = {"userId", "period"})
	List<Quotas.Quota> setQuota(@RequestBody Map<String, Object> body) {
		var request = bodies.read(body, QuotaRequest.class, List.of());
		return quotas.set(request.userId(), request.period(), request.amount(), request.currency());
	}

	private Period period(String text) {
		if (text == null || text.isBlank()) {
			return Period.quarterOf(users.workspace().today(clock));
		}
		return Period.parse(text, "period");
	}

	private static Forecasts.Filter filter(String currency, String ownerId, String teamId) {
		return new Forecasts.Filter(currency, blank(ownerId) ? null : Ids.parse(ownerId, "entity.user"),
				blank(teamId) ? null : Ids.parse(teamId, "entity.team"));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
