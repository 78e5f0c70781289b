package org.sencrm.directory.customfield;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: the custom fields of persons and organizations: list, define, remove. */
@Controller
class CustomFieldPages {

	/** The define form; options are typed one per line. */
	record NewField(String entity, String key, String label, String type, String options, Boolean required, Integer position) {

		static NewField blank() {
			return new NewField("person", "", "", "text", "", false, 0);
		}
	}

	private final CustomFields fields;
	private final Access access;
	private final MessageSource messages;

	CustomFieldPages(CustomFields fields, Access access, MessageSource messages) {
		this.fields = fields;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/admin/custom-fields")
	String list(Model model) {
		access.requireAdmin();
		return page(model, NewField.blank(), Map.of());
	}

	@PostMapping("/admin/custom-fields")
	String define(@ModelAttribute("field") NewField field, Model model, RedirectAttributes redirect) {
		var options = field.options() == null ? List.<String>of() : Arrays.asList(field.options().split("\\R"));
		try {
			fields.define(field.entity(), field.key(), field.label(), field.type(), options, Boolean.TRUE.equals(field.required()),
					field.position() == null ? 0 : field.position());
			redirect.addFlashAttribute("notice", "customfield.defined");
			return "redirect:/admin/custom-fields";
		} catch (ValidationException e) {
			return page(model, field, FieldMessages.of(e, messages));
		}
	}

	@PostMapping("/admin/custom-fields/{id}/delete")
	String remove(@PathVariable String id, RedirectAttributes redirect) {
		fields.remove(Ids.parse(id, "entity.custom-field"));
		redirect.addFlashAttribute("notice", "customfield.removed");
		return "redirect:/admin/custom-fields";
	}

	private String page(Model model, NewField field, Map<String, String> errors) {
		model.addAttribute("definitions", fields.all());
		model.addAttribute("field", field);
		model.addAttribute("errors", errors);
		model.addAttribute("entities", CustomFieldDefinition.ENTITIES);
		model.addAttribute("types", CustomFieldDefinition.TYPES);
		return "directory/customfield/admin";
	}
}
