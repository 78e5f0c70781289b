package org.sencrm.sales.contract;

import java.time.Clock;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.sencrm.sales.document.DocumentFields;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/contracts}: contracts and subscriptions, renewals, the renewal rate;
 * {@code /api/v1/sales-settings}: the renewal reminder window.
 */
@RestController
class ContractApi {

	private static final List<String> READ_ONLY = List.of("id", "number", "customerName", "renewedFromId", "renewedToId",
			"renewalRemindedAt", "renewalTaskId", "createdAt", "updatedAt", "version");

	@Schema(name = "ContractPage")
	record PageJson(List<Contract> items, String nextCursor) {
	}

	private final Contracts contracts;
	private final SalesSettings settings;
	private final RequestBodies bodies;
	private final Clock clock;

	ContractApi(Contracts contracts, SalesSettings settings, RequestBodies bodies, Clock clock) {
		this.contracts = contracts;
		this.settings = settings;
		this.bodies = bodies;
		this.clock = clock;
	}

	@PostMapping("/api/v1/contracts")
	@ApiBody(value = ContractDraft.class, required = {"title", "startDate", "value"})
	ResponseEntity<Contract> create(@RequestBody Map<String, Object> body) {
		var contract = contracts.create(bodies.read(body, ContractDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).eTag(ETags.of(contract.version()))
				.body(contract);
	}

	@GetMapping("/api/v1/contracts")
	PageJson list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID personId,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		var page = contracts.list(status, personId, organizationId, cursor, limit);
		return new PageJson(page.items(), page.nextCursor());
	}

	/** Renewal rate of the contracts ending between {@code from} and {@code to} (default: the last 12 months). */
	@GetMapping("/api/v1/contracts/renewal-rate")
	Contracts.RenewalRate renewalRate(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		var problems = new ValidationException.Collector();
		var end = to == null ? LocalDate.now(clock) : DocumentFields.date(to, "to", problems);
		var start = from == null ? (end == null ? LocalDate.now(clock) : end).minusYears(1).plusDays(1) : DocumentFields.date(from, "from", problems);
		problems.throwIfAny();
		return contracts.renewalRate(start, end);
	}

	@GetMapping("/api/v1/contracts/{id}")
	ResponseEntity<Contract> get(@PathVariable String id) {
		var contract = contracts.get(Ids.parse(id, "entity.contract"));
		return ResponseEntity.ok().eTag(ETags.of(contract.version())).body(contract);
	}

	@PatchMapping(path = "/api/v1/contracts/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(ContractDraft.class)
	ResponseEntity<Contract> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var contractId = Ids.parse(id, "entity.contract");
		var current = contracts.get(contractId);
		var expected = ETags.version(ifMatch);
		var contract = contracts.update(contractId, bodies.patch(current.toDraft(), patch, ContractDraft.class, READ_ONLY),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(contract.version())).body(contract);
	}

	/** Renews a contract → 201 with the new contract (its {@code renewedFromId} is the old one). */
	@DeleteMapping("/api/v1/contracts/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		contracts.delete(Ids.parse(id, "entity.contract"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/contracts/{id}/renew")
	@ApiBody(ContractDraft.Renewal.class)
	ResponseEntity<Contract> renew(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		var renewal = bodies.read(body == null ? Map.of() : body, ContractDraft.Renewal.class, List.of());
		var contract = contracts.renew(Ids.parse(id, "entity.contract"), renewal);
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).eTag(ETags.of(contract.version()))
				.body(contract);
	}

	@GetMapping("/api/v1/contracts/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return contracts.history(Ids.parse(id, "entity.contract"));
	}

	@GetMapping("/api/v1/sales-settings")
	SalesSettings.Settings settings() {
		return settings.get();
	}

	@PutMapping("/api/v1/sales-settings")
	@ApiBody(value = SalesSettings.Settings.class, required = "renewalReminderDays")
	SalesSettings.Settings updateSettings(@RequestBody Map<String, Object> body) {
		return settings.update(bodies.read(body, SalesSettings.Settings.class, List.of()));
	}
}
