package org.sencrm.sales.currency;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange-rates}: the workspace's rates into its base currency. {@code GET} lists
 * them all, or with {@code ?on=2027-03-31} the one valid on that day per currency; {@code POST}
 * enters one (administrators).
 */
@RestController
class ExchangeRateApi {

	record RatesJson(String baseCurrency, LocalDate on, List<ExchangeRate> items) {
	}

	private final ExchangeRates rates;
	private final RequestBodies bodies;

	ExchangeRateApi(ExchangeRates rates, RequestBodies bodies) {
		this.rates = rates;
		this.bodies = bodies;
	}

	@GetMapping("/api/v1/exchange-rates")
	RatesJson list(@RequestParam(required = false) String on) {
		if (on == null || on.isBlank()) {
			return new RatesJson(rates.baseCurrency(), null, rates.list());
		}
		LocalDate day;
		try {
			day = LocalDate.parse(on.strip());
		} catch (DateTimeParseException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("on", "validation.date")));
		}
		var valid = rates.on(day);
		return new RatesJson(valid.baseCurrency(), day, valid.byCurrency().values().stream()
				.sorted((a, b) -> a.currency().compareTo(b.currency())).toList());
	}

	/** {@code {"currency","rateToBase","validFrom"}}: 201 for a new rate, 200 when it replaced the one of that day. */
	@PostMapping("/api/v1/exchange-rates")
	@ApiBody(value = ExchangeRates.Draft.class, required = {"currency", "rateToBase", "validFrom"})
	ResponseEntity<ExchangeRate> set(@RequestBody Map<String, Object> body) {
		var saved = rates.set(bodies.read(body, ExchangeRates.Draft.class, List.of("id", "baseCurrency")));
		if (saved.created()) {
			return ResponseEntity.status(HttpStatus.CREATED).body(saved.rate());
		}
		return ResponseEntity.ok(saved.rate());
	}

	@DeleteMapping("/api/v1/exchange-rates/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		rates.delete(Ids.parse(id, "entity.exchangeRate"));
		return ResponseEntity.noContent().build();
	}
}
