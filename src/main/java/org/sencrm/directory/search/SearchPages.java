package org.sencrm.directory.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search box's answers: a few as the user types (htmx), all of them on the results page after Enter. */
@Controller
class SearchPages {

	private static final int AS_YOU_TYPE = 8;

	private final CustomerSearch search;
	SearchPages(CustomerSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	String results(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", search.search(q, CustomerSearch.MAX_RESULTS));
		return "directory/search/results";
	}

	@GetMapping("/search/live")
	String asYouType(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", search.search(q, AS_YOU_TYPE));
		return "directory/search/live :: results";
	}
}
