package org.sencrm.sales.order;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.sencrm.sales.pricing.LineJson;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orders}: orders from a quote or with lines, their status and payments. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderApi {

	static final List<String> READ_ONLY = List.of("id", "number", "customerName", "subtotal", "discountTotal", "taxTotal",
			"total", "paidAmount", "balance", "placedAt", "deliveredAt", "paidAt", "cancelledAt", "createdAt", "updatedAt",
			"version");

	record OrderJson(UUID id, String number, UUID quoteId, UUID opportunityId, UUID personId, UUID organizationId,
			String customerName, String currency, String status, LocalDate orderedOn, String notes, List<LineJson> lines,
			BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total, BigDecimal paidAmount,
			BigDecimal balance, Instant placedAt, Instant deliveredAt, Instant paidAt, Instant cancelledAt, UUID ownerId,
			UUID ownerTeamId, Instant createdAt, Instant updatedAt, int version) {

		static OrderJson of(Order o) {
			return new OrderJson(o.id(), o.number(), o.quoteId(), o.opportunityId(), o.personId(), o.organizationId(),
					o.customerName(), o.currency(), o.status(), o.orderedOn(), o.notes(), o.lines().stream().map(LineJson::of).toList(),
					o.totals().subtotal(), o.totals().discountTotal(), o.totals().taxTotal(), o.totals().total(), o.paidAmount(),
					o.balance(), o.placedAt(), o.deliveredAt(), o.paidAt(), o.cancelledAt(), o.ownerId(), o.ownerTeamId(),
					o.createdAt(), o.updatedAt(), o.version());
		}
	}

	@Schema(name = "OrderPage")
	record PageJson(List<OrderJson> items, String nextCursor) {
	}

	record PaymentJson(Payment payment, OrderJson order) {
	}

	private final Orders orders;
	private final OrderPayments payments;
	private final RequestBodies bodies;

	OrderApi(Orders orders, OrderPayments payments, RequestBodies bodies) {
		this.orders = orders;
		this.payments = payments;
		this.bodies = bodies;
	}

	@PostMapping
	@ApiBody(OrderDraft.class)
	ResponseEntity<OrderJson> create(@RequestBody Map<String, Object> body) {
		var order = orders.create(bodies.read(body, OrderDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).eTag(ETags.of(order.version()))
				.body(OrderJson.of(order));
	}

	@GetMapping
	PageJson list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID personId,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		var page = orders.list(status, personId, organizationId, cursor, limit);
		return new PageJson(page.items().stream().map(OrderJson::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	ResponseEntity<OrderJson> get(@PathVariable String id) {
		var order = orders.get(Ids.parse(id, "entity.order"));
		return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderJson.of(order));
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(OrderDraft.class)
	ResponseEntity<OrderJson> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var orderId = Ids.parse(id, "entity.order");
		var current = orders.get(orderId);
		var expected = ETags.version(ifMatch);
		var order = orders.update(orderId, bodies.patch(current.toDraft(), patch, OrderDraft.class, READ_ONLY),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderJson.of(order));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		orders.delete(Ids.parse(id, "entity.order"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/payments")
	List<Payment> payments(@PathVariable String id) {
		return payments.of(Ids.parse(id, "entity.order"));
	}

	/** Records a payment → 201 with the payment and the order as it now stands (status "paid" once covered). */
	@PostMapping("/{id}/payments")
	@ApiBody(value = Payment.Draft.class, required = {"amount", "method"})
	ResponseEntity<PaymentJson> pay(@PathVariable String id, @RequestBody Map<String, Object> body) {
		var orderId = Ids.parse(id, "entity.order");
		var payment = payments.record(orderId, bodies.read(body, Payment.Draft.class, List.of("id", "orderId", "createdBy",
				"createdAt")));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + orderId + "/payments"))
				.body(new PaymentJson(payment, OrderJson.of(orders.get(orderId))));
	}

	/**
	 * Removes a payment recorded by mistake → 200 with the order as it now stands (a paid order no
	 * longer covered is back to confirmed or delivered). {@code If-Match} (the order's ETag) is optional.
	 */
	@DeleteMapping("/{id}/payments/{paymentId}")
	ResponseEntity<OrderJson> removePayment(@PathVariable String id, @PathVariable String paymentId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var order = payments.remove(Ids.parse(id, "entity.order"), Ids.parse(paymentId, "entity.payment"), ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(order.version())).body(OrderJson.of(order));
	}

	@GetMapping("/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return orders.history(Ids.parse(id, "entity.order"));
	}
}
