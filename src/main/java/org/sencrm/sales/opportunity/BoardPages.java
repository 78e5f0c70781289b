package org.sencrm.sales.opportunity;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.pipeline.Pipelines;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board of a pipeline: a column per stage with its cards and totals, filtered by owner, team
 * and close month. A card moves by dragging it onto another column or, from the keyboard, with
 * the stage select on the card; both post the card's move form. With htmx the answer (after the
 * redirect) replaces only the board; without it the page reloads.
 */
@Controller
class BoardPages {

	private final Boards boards;
	private final Pipelines pipelines;
	private final OpportunityService opportunities;
	private final UserDirectory users;
	private final MessageSource messages;

	BoardPages(Boards boards, Pipelines pipelines, OpportunityService opportunities, UserDirectory users,
			MessageSource messages) {
		this.boards = boards;
		this.pipelines = pipelines;
		this.opportunities = opportunities;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/sales")
	String sales() {
		return "redirect:/sales/board";
	}

	@GetMapping("/sales/board")
	String board(@RequestParam MultiValueMap<String, String> params, Model model) {
		var all = pipelines.all().stream().filter(p -> !p.archived()).toList();
		var requested = params.getFirst("pipeline");
		var pipeline = requested == null || requested.isBlank() ? all.getFirst()
				: all.stream().filter(p -> p.id().toString().equals(requested)).findFirst()
						.orElseThrow(() -> new NotFoundException("entity.pipeline"));
		var filter = OpportunityFilter.of(params);
		var board = boards.board(pipeline.id(), filter.ownerId(), filter.teamId(), filter.closeMonth());
		var kept = new OpportunityFilter(filter.ownerId(), filter.teamId(), pipeline.id(), null, filter.closeMonth(), null, null,
				null, null, 0);
		model.addAttribute("board", board);
		model.addAttribute("pipelines", all);
		model.addAttribute("filter", kept);
		model.addAttribute("boardUrl", SalesLinks.board(kept));
		model.addAttribute("listUrl", SalesLinks.list(kept, null));
		model.addAttribute("users", users.users());
		model.addAttribute("teams", users.teams());
		return "sales/board";
	}

	/** The board's move form: a card dropped on a column, or moved from the keyboard with the move dialog. */
	@PostMapping("/sales/board/move")
	String moveFromBoard(@RequestParam(required = false) String opportunityId, @RequestParam(required = false) String stageId,
			@RequestParam(required = false) String back, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, RedirectAttributes redirect) {
		return move(opportunityId, stageId, back, htmx, response, redirect);
	}

	/** The move form of an opportunity's page (and the board's). A lost stage first asks for the reason. */
	@PostMapping("/sales/opportunities/{id}/move")
	String move(@PathVariable String id, @RequestParam(required = false) String stageId,
			@RequestParam(required = false) String back, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, RedirectAttributes redirect) {
		var opportunityId = Ids.parse(id, "entity.opportunity");
		var stage = pipelines.stage(Ids.parse(stageId, "entity.stage"));
		var returnTo = SalesLinks.back(back, "/sales/opportunities/" + opportunityId);
		if (stage.lost()) {
			var lose = "/sales/opportunities/" + opportunityId + "/lose?stageId=" + stage.id() + "&back="
					+ java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8);
			if (htmx != null) {
				response.setHeader("HX-Redirect", lose);
				return null;
			}
			return "redirect:" + lose;
		}
		try {
			var moved = opportunities.move(opportunityId, stage.id(), null, null);
			redirect.addFlashAttribute("boardStatus", messages.getMessage("board.moved", new Object[] {moved.name(), stage.name()},
					LocaleContextHolder.getLocale()));
		} catch (ValidationException e) {
			redirect.addFlashAttribute("boardProblem", String.join(" ", FieldMessages.of(e, messages).values()));
		} catch (DomainException e) {
			redirect.addFlashAttribute("boardProblem", messages.getMessage(e.code(), e.arguments(), e.code(),
					LocaleContextHolder.getLocale()));
		}
		return "redirect:" + returnTo;
	}
}
