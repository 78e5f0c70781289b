package org.sencrm.sales.product;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/price-lists}: price lists with their prices. */
@RestController
@RequestMapping("/api/v1/price-lists")
class PriceListApi {

	private static final List<String> READ_ONLY = List.of("id", "createdAt", "version");

	record ListJson(List<PriceList> items) {
	}

	private final PriceLists priceLists;
	private final RequestBodies bodies;

	PriceListApi(PriceLists priceLists, RequestBodies bodies) {
		this.priceLists = priceLists;
		this.bodies = bodies;
	}

	@PostMapping
	@ApiBody(value = PriceListDraft.class, required = "name")
	ResponseEntity<PriceList> create(@RequestBody Map<String, Object> body) {
		var list = priceLists.create(bodies.read(body, PriceListDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/price-lists/" + list.id())).eTag(ETags.of(list.version())).body(list);
	}

	@GetMapping
	ListJson list() {
		return new ListJson(priceLists.all());
	}

	@GetMapping("/{id}")
	ResponseEntity<PriceList> get(@PathVariable String id) {
		var list = priceLists.get(Ids.parse(id, "entity.price-list"));
		return ResponseEntity.ok().eTag(ETags.of(list.version())).body(list);
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(PriceListDraft.class)
	ResponseEntity<PriceList> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var listId = Ids.parse(id, "entity.price-list");
		var current = priceLists.get(listId);
		var expected = ETags.version(ifMatch);
		var list = priceLists.update(listId, bodies.patch(current.toDraft(), patch, PriceListDraft.class, READ_ONLY),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(list.version())).body(list);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		priceLists.delete(Ids.parse(id, "entity.price-list"));
		return ResponseEntity.noContent().build();
	}
}
