package org.sencrm.directory.view;

import java.util.Map;
import java.util.regex.Pattern;

import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving the current filters of a list under a name, and forgetting a saved view; both return to the list. */
@Controller
class SavedViewPages {

	private static final Map<String, String> LISTS = Map.of("person", "/persons", "organization", "/organizations");
	/** A list's query as the list page writes it (URL-encoded); anything else is not followed in a redirect. */
	private static final Pattern ENCODED_QUERY = Pattern.compile("[A-Za-z0-9._~%+=&\\-]*");

	private final SavedViews views;
	private final MessageSource messages;

	SavedViewPages(SavedViews views, MessageSource messages) {
		this.views = views;
		this.messages = messages;
	}

	@PostMapping("/views")
	String save(@RequestParam String entity, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "") String query, RedirectAttributes redirect) {
		var list = list(entity);
		try {
			var view = views.save(entity, name, query);
			redirect.addFlashAttribute("notice", "view.saved");
			return "redirect:" + withQuery(list, view.query());
		} catch (ValidationException e) {
			redirect.addFlashAttribute("viewError", String.join(" ", FieldMessages.of(e, messages).values()));
			return "redirect:" + withQuery(list, query);
		}
	}

	@PostMapping("/views/{id}/delete")
	String delete(@PathVariable String id, @RequestParam String entity, RedirectAttributes redirect) {
		views.delete(Ids.parse(id, "entity.view"));
		redirect.addFlashAttribute("notice", "view.deleted");
		return "redirect:" + list(entity);
	}

	private static String withQuery(String list, String query) {
		return query.isEmpty() || !ENCODED_QUERY.matcher(query).matches() ? list : list + "?" + query;
	}

	private static String list(String entity) {
		return LISTS.getOrDefault(entity, "/persons");
	}
}
