package org.sencrm.directory.duplicates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Possible duplicates" page: groups best first, each with its records side by side and its
 * pairs with why they look alike; "Not a duplicate" per pair, "Merge" per group; a button that
 * starts a fresh scan.
 */
@Controller
class DuplicatePages {

	/** A group as the page shows it. */
	record GroupView(Duplicates.Group group, List<CustomerCards.Card> cards, List<PairView> pairs, String mergeLink) {
	}

	record PairView(CustomerCards.Card low, CustomerCards.Card high, double score, List<String> reasons) {
	}

	private final Duplicates duplicates;
	private final DuplicateScans scans;
	private final CustomerCards cards;

	DuplicatePages(Duplicates duplicates, DuplicateScans scans, CustomerCards cards) {
		this.duplicates = duplicates;
		this.scans = scans;
		this.cards = cards;
	}

	@GetMapping("/duplicates")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) Double minScore,
			@RequestParam(required = false) String cursor, Model model) {
		var kind = DuplicateKind.of(type == null ? "person" : type).orElse(DuplicateKind.PERSON);
		var page = duplicates.list(kind.key(), minScore, cursor, 20);
		var ids = new LinkedHashSet<UUID>();
		page.items().forEach(g -> ids.addAll(g.ids()));
		var shown = cards.of(kind, ids);
		var groups = new ArrayList<GroupView>();
		for (var group : page.items()) {
			var pairs = duplicates.pairs(kind.key(), group.id()).stream()
					.filter(p -> shown.containsKey(p.low()) && shown.containsKey(p.high()))
					.map(p -> new PairView(shown.get(p.low()), shown.get(p.high()), p.score(), p.reasons())).toList();
			var members = group.ids().stream().map(shown::get).filter(java.util.Objects::nonNull).toList();
			groups.add(new GroupView(group, members, pairs, "/" + kind.table() + "/merge?ids="
					+ String.join(",", group.ids().stream().map(UUID::toString).toList())));
		}
		model.addAttribute("type", kind.key());
		model.addAttribute("groups", groups);
		model.addAttribute("scan", scans.latest(kind.key()).orElse(null));
		model.addAttribute("nextUrl", page.nextCursor() == null ? null
				: "/duplicates?type=" + kind.key() + "&cursor=" + page.nextCursor() + (minScore == null ? "" : "&minScore=" + minScore));
		return "directory/duplicates/list";
	}

	@PostMapping("/duplicates/scan")
	String scan(@RequestParam(required = false) String type, RedirectAttributes redirect) {
		var kind = DuplicateKind.checked(type);
		scans.start(kind.key());
		redirect.addFlashAttribute("notice", "duplicates.scanStarted");
		return "redirect:/duplicates?type=" + kind.key();
	}

	@PostMapping("/duplicates/not-duplicates")
	String notDuplicates(@RequestParam String type, @RequestParam String low, @RequestParam String high, RedirectAttributes redirect) {
		var kind = DuplicateKind.checked(type);
		duplicates.notDuplicates(kind.key(), Ids.parse(low, "entity." + kind.key()), Ids.parse(high, "entity." + kind.key()));
		redirect.addFlashAttribute("notice", "duplicates.notDuplicateSaved");
		return "redirect:/duplicates?type=" + kind.key();
	}

}
