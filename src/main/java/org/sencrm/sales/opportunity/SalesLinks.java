package org.sencrm.sales.opportunity;

import org.springframework.web.util.UriComponentsBuilder;

/** Links between the sales pages that keep the board's or list's filter. */
final class SalesLinks {

	private SalesLinks() {
	}

	static String board(OpportunityFilter filter) {
		var link = UriComponentsBuilder.fromPath("/sales/board");
		filter.parameters().stream().filter(p -> !p[0].equals("pipelineId")).forEach(p -> link.queryParam(p[0], p[1]));
		if (filter.pipelineId() != null) {
			link.queryParam("pipeline", filter.pipelineId());
		}
		return link.encode().build().toUriString();
	}

	static String list(OpportunityFilter filter, String cursor) {
		var link = UriComponentsBuilder.fromPath("/sales/opportunities");
		filter.parameters().forEach(p -> link.queryParam(p[0], p[1]));
		if (cursor != null) {
			link.queryParam("cursor", cursor);
		}
		return link.encode().build().toUriString();
	}

	/** Where to go back to after a change: a sales page of ours, never an address from elsewhere. */
	static String back(String requested, String fallback) {
		return requested != null && requested.startsWith("/sales/") && !requested.startsWith("//") ? requested : fallback;
	}
}
