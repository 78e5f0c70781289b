package org.sencrm.sales.quote;

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
import org.springframework.http.MediaType;
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

/** {@code /api/v1/quotes}: quotes with their lines and totals; the PDF at {@code /quotes/{id}/pdf}. */
@RestController
@RequestMapping("/api/v1/quotes")
class QuoteApi {

	static final List<String> READ_ONLY = List.of("id", "number", "customerName", "issuedOn", "subtotal", "discountTotal",
			"taxTotal", "total", "createdAt", "updatedAt", "version");

	record QuoteJson(UUID id, String number, UUID opportunityId, UUID personId, UUID organizationId, String customerName,
			UUID priceListId, String currency, String status, LocalDate issuedOn, LocalDate validUntil, String notes,
			List<LineJson> lines, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total,
			UUID ownerId, UUID ownerTeamId, Instant createdAt, Instant updatedAt, int version) {

		static QuoteJson of(Quote q) {
			return new QuoteJson(q.id(), q.number(), q.opportunityId(), q.personId(), q.organizationId(), q.customerName(),
					q.priceListId(), q.currency(), q.status(), q.issuedOn(), q.validUntil(), q.notes(),
					q.lines().stream().map(LineJson::of).toList(), q.totals().subtotal(), q.totals().discountTotal(),
					q.totals().taxTotal(), q.totals().total(), q.ownerId(), q.ownerTeamId(), q.createdAt(), q.updatedAt(),
					q.version());
		}
	}

	@Schema(name = "QuotePage")
	record PageJson(List<QuoteJson> items, String nextCursor) {
	}

	/** The email that went: its timeline activity, the addresses, and {@code sent} or {@code outbox}. */
	record EmailJson(UUID activityId, List<String> to, String delivery) {
	}

	record SentJson(QuoteJson quote, EmailJson email) {
	}

	private final Quotes quotes;
	private final QuoteEmails emails;
	private final QuotePrints prints;
	private final RequestBodies bodies;

	QuoteApi(Quotes quotes, QuoteEmails emails, QuotePrints prints, RequestBodies bodies) {
		this.quotes = quotes;
		this.emails = emails;
		this.prints = prints;
		this.bodies = bodies;
	}

	@PostMapping
	@ApiBody(value = QuoteDraft.class, required = "lines")
	ResponseEntity<QuoteJson> create(@RequestBody Map<String, Object> body) {
		var quote = quotes.create(bodies.read(body, QuoteDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/quotes/" + quote.id())).eTag(ETags.of(quote.version()))
				.body(QuoteJson.of(quote));
	}

	@GetMapping
	PageJson list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID personId,
			@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) UUID opportunityId,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		var page = quotes.list(status, personId, organizationId, opportunityId, cursor, limit);
		return new PageJson(page.items().stream().map(QuoteJson::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	ResponseEntity<QuoteJson> get(@PathVariable String id) {
		var quote = quotes.get(Ids.parse(id, "entity.quote"));
		return ResponseEntity.ok().eTag(ETags.of(quote.version())).body(QuoteJson.of(quote));
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(QuoteDraft.class)
	ResponseEntity<QuoteJson> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var quoteId = Ids.parse(id, "entity.quote");
		var current = quotes.get(quoteId);
		var expected = ETags.version(ifMatch);
		var quote = quotes.update(quoteId, bodies.patch(current.toDraft(), patch, QuoteDraft.class, READ_ONLY),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(quote.version())).body(QuoteJson.of(quote));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		quotes.delete(Ids.parse(id, "entity.quote"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return quotes.history(Ids.parse(id, "entity.quote"));
	}

	/** The quote as a PDF in the workspace's language. */
	@GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		var quote = quotes.get(Ids.parse(id, "entity.quote"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header("Content-Disposition", "inline; filename=\"" + quote.number() + ".pdf\"").body(prints.pdf(quote));
	}

	/**
	 * Emails the quote with its PDF: {@code {"to","subject","message","personId"}}, each optional
	 * (defaults: the quote's person and their email, the prepared subject and message). A draft becomes sent.
	 */
	@PostMapping("/{id}/send")
	@ApiBody(QuoteEmails.Request.class)
	ResponseEntity<SentJson> send(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var request = bodies.read(body == null ? Map.<String, Object>of() : body, QuoteEmails.Request.class, List.of());
		var result = emails.send(Ids.parse(id, "entity.quote"), request, ETags.version(ifMatch));
		var sent = result.sent();
		return ResponseEntity.ok().eTag(ETags.of(result.quote().version())).body(new SentJson(QuoteJson.of(result.quote()),
				new EmailJson(sent.activityId(), sent.to(), sent.outbox() ? "outbox" : "sent")));
	}
}
