package org.sencrm.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sencrm.directory.personaldata.DirectoryPersonalData;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.PublishedEvents;
import org.sencrm.trash.Trash;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's personal data, wherever Sen CRM keeps it (Vietnam's Decree 13/2023, GDPR): exported as
 * one document for their request to see it, and erased everywhere for their request to be forgotten,
 * keeping only what the business must keep (orders, their amounts and numbers). Decision 26.
 *
 * <p>The directory cannot know the tables of the modules built on it, so each module keeps its own
 * part: a bean implementing {@link Holder} exports and erases the rows of the tables that module
 * owns. This facade collects every such bean, adds the directory's own part (the person, their
 * contact roles, tags, custom fields, search terms), the history and the event registry's copies,
 * and runs an erasure as one transaction: if any part fails, nothing is erased.
 */
@Component
public class PersonalData {

	/**
	 * A module's part of a person's personal data. {@link #erase} runs inside the erasure's
	 * transaction, before the person's row is removed; it must leave no row that names the person
	 * (id, name, email or phone) in the module's tables, except what the business must keep.
	 */
	public interface Holder {

		/** The section's name in the export and in the erasure's summary ("timeline", "leads"). */
		String section();

		/** The section as it goes into the export (records, lists and maps Jackson writes as JSON). */
		Object export(Subject subject);

		/** Erases the subject's data from the module's tables; returns how many records were removed or emptied. */
		int erase(Subject subject, Erasure erasure);
	}

	/**
	 * Who the data is about: the person's id, and the texts that identify them in free text — full
	 * names in both orders, email addresses, and phone numbers in the forms people write them.
	 */
	public record Subject(UUID personId, List<String> names, List<String> emails, List<String> phones) {

		public Subject {
			names = List.copyOf(names);
			emails = List.copyOf(emails);
			phones = List.copyOf(phones);
		}

		/** Every identifying text, for finding the person in free text (notes, bodies, history values). */
		public List<String> identifying() {
			var all = new LinkedHashSet<String>();
			all.addAll(names);
			all.addAll(emails);
			all.addAll(phones);
			return List.copyOf(all);
		}
	}

	/**
	 * What an erasure collects on its way through the modules: the records whose whole history must
	 * lose its values, and further texts that identify the person (a lead's name as they typed it).
	 */
	public static final class Erasure {

		private final Set<UUID> history = new LinkedHashSet<>();
		private final Set<String> identifying = new LinkedHashSet<>();
		private final String erasedCustomer;

		Erasure(Subject subject, String erasedCustomer) {
			this.erasedCustomer = erasedCustomer;
			history.add(subject.personId());
			identifying.addAll(subject.identifying());
		}

		/** Every value of these records' history lines is erased (the records were the person's, or about them). */
		public void historyOf(Collection<UUID> records) {
			history.addAll(records);
		}

		/** A further text that identifies the person; history values containing it are erased too. */
		public void identifies(String text) {
			if (text != null && text.strip().length() >= 4) {
				identifying.add(text.strip());
			}
		}

		/** What documents the business keeps name instead of the person ("Erased customer", in the workspace's language). */
		public String erasedCustomer() {
			return erasedCustomer;
		}

		Set<UUID> history() {
			return history;
		}

		Set<String> identifying() {
			return identifying;
		}
	}

	/** What an erasure did: per section, how many records were removed or emptied; and how many history lines lost values. */
	public record Erased(UUID personId, Instant erasedAt, UUID erasedBy, String erasedByName, Map<String, Integer> sections,
			int historyLines) {
	}

	static final String ENTITY = "person";

	private final DirectoryPersonalData directory;
	private final List<Holder> holders;
	private final Access access;
	private final History history;
	private final PublishedEvents events;
	private final UserDirectory users;
	private final MessageSource messages;
	private final Clock clock;
	private final Trash trash;

	PersonalData(DirectoryPersonalData directory, List<Holder> holders, Access access, History history, PublishedEvents events,
			UserDirectory users, MessageSource messages, Clock clock, Trash trash) {
		this.directory = directory;
		this.holders = List.copyOf(holders);
		this.access = access;
		this.history = history;
		this.events = events;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
		this.trash = trash;
	}

	/**
	 * Everything kept about the person, section by section, for the person's own request. Whoever may
	 * edit the person may export it (admins, managers, the owner and the owner's team).
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> export(UUID personId) {
		seeTrashedRows();
		var person = directory.person(personId);
		var user = access.currentUser();
		if (!user.canEdit(person.ownerId(), person.ownerTeamId())) {
			throw new AccessDeniedException("export the personal data of");
		}
		var subject = directory.subject(person);
		var document = new LinkedHashMap<String, Object>();
		document.put("format", "sen-crm/personal-data/1");
		document.put("personId", personId);
		document.put("exportedAt", Instant.now(clock));
		document.put("exportedBy", user.displayName());
		document.putAll(directory.export(person));
		for (var holder : holders) {
			var section = holder.export(subject);
			if (section != null) {
				document.put(holder.section(), section);
			}
		}
		return document;
	}

	/**
	 * Erases the person's personal data everywhere (admins only), in one transaction: each module's
	 * part, then the person with their contact roles, tags and search terms, then the history's
	 * values about them; and writes an {@code erased} line on the person's id, by the admin, now.
	 */
	@Transactional
	public Erased erase(UUID personId) {
		seeTrashedRows();
		access.requireAdmin();
		var subject = directory.lockedSubject(personId);
		var erasure = new Erasure(subject, erasedCustomerLabel());
		var sections = new LinkedHashMap<String, Integer>();
		for (var holder : holders) {
			sections.merge(holder.section(), holder.erase(subject, erasure), Integer::sum);
		}
		sections.putAll(directory.erase(subject, erasure));
		var historyLines = history.erase(erasure.history(), erasure.identifying());
		sections.put("events", events.forgetMentioning(erasure.identifying()));
		history.erased(ENTITY, personId);
		trash.forgetEmptied();
		var user = access.currentUser();
		return new Erased(personId, Instant.now(clock), user.id(), user.displayName(), sections, historyLines);
	}

	/** An export must include, and an erasure must reach, a person in the trash and their trashed records. */
	private void seeTrashedRows() {
		trash.showTrashedRows();
	}

	private String erasedCustomerLabel() {
		var language = users.workspace().defaultLanguage();
		return messages.getMessage("personalData.erasedCustomer", null, "Erased customer",
				Locale.forLanguageTag(language == null ? "vi" : language));
	}
}
