package org.sencrm.directory.search;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search?q=}: persons and organizations, best match first. */
@RestController
class SearchApi {

	record SearchResponse(String query, List<SearchResult> items) {
	}

	private final CustomerSearch search;
	SearchApi(CustomerSearch search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	SearchResponse search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "20") int limit) {
		return new SearchResponse(q, search.search(q, limit));
	}
}
