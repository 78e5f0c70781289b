package org.sencrm.sales.product;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
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

/** {@code /api/v1/products}: the catalogue, searchable by name or SKU, cursor-paged. */
@RestController
@RequestMapping("/api/v1/products")
class ProductApi {

	record ProductJson(UUID id, String sku, String name, String description, String unit, Object taxRate,
			BigDecimal unitPrice, String currency, boolean active, Instant createdAt, Instant updatedAt, int version) {

		static final List<String> READ_ONLY = List.of("id", "createdAt", "updatedAt", "version");

		static ProductJson of(Product p) {
			return new ProductJson(p.id(), p.sku(), p.name(), p.description(), p.unit(), p.taxRate().json(), p.unitPrice(),
					p.currency(), p.active(), p.createdAt(), p.updatedAt(), p.version());
		}
	}

	@Schema(name = "ProductPage")
	record PageJson(List<ProductJson> items, String nextCursor) {
	}

	private final Products products;
	private final RequestBodies bodies;

	ProductApi(Products products, RequestBodies bodies) {
		this.products = products;
		this.bodies = bodies;
	}

	@PostMapping
	@ApiBody(value = ProductDraft.class, required = {"sku", "name", "unitPrice"})
	ResponseEntity<ProductJson> create(@RequestBody Map<String, Object> body) {
		var product = products.create(bodies.read(body, ProductDraft.class, ProductJson.READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.id())).eTag(ETags.of(product.version()))
				.body(ProductJson.of(product));
	}

	@GetMapping
	PageJson list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		var page = products.list(q, active, cursor, limit);
		return new PageJson(page.items().stream().map(ProductJson::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	ResponseEntity<ProductJson> get(@PathVariable String id) {
		var product = products.get(Ids.parse(id, "entity.product"));
		return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductJson.of(product));
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(ProductDraft.class)
	ResponseEntity<ProductJson> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var productId = Ids.parse(id, "entity.product");
		var current = products.get(productId);
		var expected = ETags.version(ifMatch);
		var product = products.update(productId, bodies.patch(current.toDraft(), patch, ProductDraft.class, ProductJson.READ_ONLY),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductJson.of(product));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		products.delete(Ids.parse(id, "entity.product"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return products.history(Ids.parse(id, "entity.product"));
	}
}
