package org.sencrm.directory.record;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.directory.customfield.CustomFieldDefinition;
import org.sencrm.directory.customfield.CustomFieldInputs;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.history.HistoryLines;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.listing.ListLinks;
import org.sencrm.directory.ownership.OwnerChoices;
import org.sencrm.directory.tag.Tags;
import org.sencrm.directory.view.SavedViews;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.trash.Trash;
import org.sencrm.trash.TrashBlockedException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the web pages of persons and organizations share, so each kind's controller only adds its
 * own model: the list (filters, next page by cursor — no page numbers and no total, which would
 * cost a count of the whole table —, saved views, CSV), the record page (owner, team, who may
 * edit, what a delete would take to the trash, custom fields, history), and the form (refused
 * forms come back with what was typed and each problem beside its field; an edit that lost the
 * race to someone else's says so and keeps the typed values on screen). The templates' shared
 * fragments ({@code fragments/lists}, {@code fragments/forms}, {@code fragments/record}) read the
 * model attributes set here.
 */
@Component
public class RecordPages {

	private final Tags tags;
	private final UserDirectory users;
	private final CustomFields customFields;
	private final SavedViews views;
	private final Access access;
	private final OwnerChoices owners;
	private final HistoryLines history;
	private final Trash trash;
	private final MessageSource messages;

	RecordPages(Tags tags, UserDirectory users, CustomFields customFields, SavedViews views, Access access, OwnerChoices owners,
			HistoryLines history, Trash trash, MessageSource messages,
			org.springframework.beans.factory.ObjectProvider<org.sencrm.directory.CustomerSets> sets) {
		this.sets = sets;
		this.tags = tags;
		this.users = users;
		this.customFields = customFields;
		this.views = views;
		this.access = access;
		this.owners = owners;
		this.history = history;
		this.trash = trash;
		this.messages = messages;
	}

	private final org.springframework.beans.factory.ObjectProvider<org.sencrm.directory.CustomerSets> sets;

	/** The model of a list page: the kind's page of records is {@code records}, its filter {@code filter}. */
	public void list(Model model, CustomerKind kind, Object filter, RecordFilter common, MultiValueMap<String, String> params,
			List<? extends CustomerRecord> records, String nextCursor) {
		var query = ListLinks.filterQuery(params);
		var userList = users.users();
		model.addAttribute("filter", filter);
		model.addAttribute("common", common);
		model.addAttribute("records", records);
		model.addAttribute("nextUrl", ListLinks.nextPage(kind.path(), query, nextCursor));
		model.addAttribute("firstPage", common.cursor() == null);
		model.addAttribute("query", query);
		model.addAttribute("tags", tags.all());
		model.addAttribute("users", userList);
		model.addAttribute("ownerNames", userList.stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName)));
		model.addAttribute("choiceFields", choiceFields(kind));
		model.addAttribute("stages", LifecycleStage.ALL);
		model.addAttribute("views", views.mine(kind.entity()));
		model.addAttribute("kind", kind);
		var set = sets.getIfAvailable();
		model.addAttribute("segments", set == null ? List.of()
				: set.choices(kind == CustomerKind.PERSON ? org.sencrm.directory.Customers.Kind.PERSON
						: org.sencrm.directory.Customers.Kind.ORGANIZATION));
	}

	/** Starts a CSV download of a list ({@code persons.csv}) for a user with the export right. */
	public Writer csv(CustomerKind kind, HttpServletResponse response) throws IOException {
		access.requireExport();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + kind.table() + ".csv\"");
		return response.getWriter();
	}

	/** The model of a record's page, under {@code record} and the kind's own name; returns whether the user may edit it. */
	public boolean detail(Model model, CustomerKind kind, CustomerRecord record, List<History.Entry> entries) {
		model.addAttribute(kind.entity(), record);
		model.addAttribute("record", record);
		model.addAttribute("kind", kind);
		var canEdit = access.currentUser().canEdit(record.ownerId(), record.ownerTeamId());
		model.addAttribute("canEdit", canEdit);
		if (canEdit) {
			// the delete button says what goes to the trash with the record, or why it cannot
			model.addAttribute("deleteQuestion", trash.question(trash.preview(kind.entity(), record.id())));
		}
		model.addAttribute("owner", users.user(record.ownerId()).orElse(null));
		model.addAttribute("team", users.team(record.ownerTeamId()).orElse(null));
		model.addAttribute("definitions", customFields.of(kind.entity()));
		model.addAttribute("history", history.of(kind.entity(), entries));
		return canEdit;
	}

	/** Deletes from a record's page: to the list with a notice, or back to the page with the trash's refusal. */
	public String delete(CustomerKind kind, UUID id, Runnable delete, RedirectAttributes redirect) {
		try {
			delete.run();
		} catch (TrashBlockedException blocked) {
			// the same refusal the API gives, on the page of the record that could not go
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:" + kind.path() + "/" + id;
		}
		redirect.addFlashAttribute("notice", kind.entity() + ".deleted");
		return "redirect:" + kind.path();
	}

	/** A new record's form starts owned by the user. */
	public <F extends RecordForm> F blank(F form) {
		access.requireWrite();
		form.setOwnerId(access.currentUser().id());
		return form;
	}

	/** An existing record's form, for a user who may edit it. */
	public void requireEdit(CustomerRecord record) {
		access.requireEdit(record.ownerId(), record.ownerTeamId());
	}

	/**
	 * Saves a submitted form: {@code save} creates or updates (told whether the user ticked "Save
	 * anyway") and returns the record; a refusal shows the form again through {@code showForm} with
	 * the problems by field, or with the records it would duplicate (an email, phone or tax code
	 * another record has). Possible duplicates of a saved record are shown on its page.
	 */
	public String submit(CustomerKind kind, RecordForm form, BindingResult binding, MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, String notice, Function<Boolean, CustomerRecords.Saved<? extends CustomerRecord>> save,
			Function<Map<String, String>, String> showForm) {
		form.setCustomFields(CustomFieldInputs.read(customFields.of(kind.entity()), params));
		form.dropBlankRows();
		if (!owners.canReassign()) {
			form.setOwnerId(null); // kept by the service: only those who may reassign choose an owner
		}
		if (binding.hasErrors()) {
			return showForm.apply(FieldMessages.of(binding, messages));
		}
		try {
			var saved = save.apply("true".equals(params.getFirst(DuplicateRequest.ALLOW)));
			redirect.addFlashAttribute("notice", notice);
			if (!saved.possibleDuplicates().isEmpty()) {
				// shown once on the record's page, after the save
				redirect.addFlashAttribute("possibleDuplicates", saved.possibleDuplicates());
			}
			return "redirect:" + kind.path() + "/" + saved.record().id();
		} catch (DuplicateRecordException e) {
			// the form again, with the records it would duplicate and "Save anyway"
			model.addAttribute("duplicates", e.duplicates());
			return showForm.apply(Map.of());
		} catch (ValidationException e) {
			return showForm.apply(FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return showForm.apply(Map.of());
		}
	}

	/** The model of a form page: the form with a spare row per contact group, problems, owners and teams, custom fields. */
	public void form(Model model, CustomerKind kind, RecordForm form, UUID recordId, Map<String, String> errors) {
		form.addSpareRows();
		model.addAttribute("form", form);
		model.addAttribute("recordId", recordId);
		model.addAttribute("kind", kind);
		model.addAttribute("errors", errors);
		model.addAttribute("definitions", customFields.of(kind.entity()));
		model.addAttribute("owners", owners.owners(form.getOwnerId()));
		model.addAttribute("teams", owners.teams(form.getOwnerTeamId()));
		model.addAttribute("canReassign", owners.canReassign());
		model.addAttribute("stages", LifecycleStage.ALL);
	}

	/** Choice fields can be filtered by one of their options. */
	private List<CustomFieldDefinition> choiceFields(CustomerKind kind) {
		return customFields.of(kind.entity()).stream()
				.filter(d -> d.type().equals("choice") || d.type().equals("multi_choice")).toList();
	}
}
