package org.sencrm.directory.record;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.duplicates.DuplicateCheck;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.listing.ListQuery;
import org.sencrm.directory.ownership.Ownership;
import org.sencrm.directory.tag.Tags;
import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.trash.Trash;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a customer record, written once for persons and organizations: reading, listing
 * with tag names, creating and changing under optimistic locking (the version the client saw, 409
 * when someone else saved first), who may change what and give it to whom, the checks of the
 * fields every record has, tags, history in the same transaction, and moving to the trash.
 *
 * <p>A kind ({@code PersonService}, {@code OrganizationService}) supplies its SQL for one record
 * and the checks of its own fields ({@link #checked}); everything else is here. Import, export,
 * duplicates and merge are written against this class and {@link CustomerRecord}.
 *
 * @param <R> the stored record
 * @param <D> the draft a client submits
 */
public abstract class CustomerRecords<R extends CustomerRecord, D extends CustomerDraft> {

	/** The services every kind needs, in one bean so a kind's constructor stays short. */
	@org.springframework.stereotype.Component
	public static final class Support {
		final Tags tags;
		final CustomFields customFields;
		final Access access;
		final Ownership ownership;
		final History history;
		final Clock clock;
		final Trash trash;
		final RecordTable table;
		final DuplicateCheck duplicates;

		Support(Tags tags, CustomFields customFields, Access access, Ownership ownership, History history, Clock clock, Trash trash,
				RecordTable table, DuplicateCheck duplicates) {
			this.duplicates = duplicates;
			this.tags = tags;
			this.customFields = customFields;
			this.access = access;
			this.ownership = ownership;
			this.history = history;
			this.clock = clock;
			this.trash = trash;
			this.table = table;
		}

		public Clock clock() {
			return clock;
		}

		public RecordTable table() {
			return table;
		}

		public History history() {
			return history;
		}

		public DuplicateCheck duplicates() {
			return duplicates;
		}
	}

	/** The longest external id: the column's check allows 1–200 characters. */
	public static final int MAX_EXTERNAL_ID = 200;

	protected final CustomerKind kind;
	protected final Support support;

	protected CustomerRecords(CustomerKind kind, Support support) {
		this.kind = kind;
		this.support = support;
	}

	public CustomerKind kind() {
		return kind;
	}

	/** The stored record without its tags filled in, or empty when there is none (or it is in the trash). */
	protected abstract Optional<R> find(UUID id);

	/** Stores a new record (version 0). */
	protected abstract void insert(R record);

	/** Writes the record if its version is still {@code expectedVersion}; false when someone else changed it first. */
	protected abstract boolean update(R record, int expectedVersion);

	/** The same record with these tag names. */
	protected abstract R withTags(R record, List<String> tags);

	/**
	 * Checks the kind's own fields of the draft and builds the record to store from them and the
	 * checked common fields; adds every problem to {@code problems} (the caller throws them all).
	 * {@code current} is the stored record on an update, null on a create.
	 */
	protected abstract R checked(UUID id, D draft, R current, CommonFields common, Instant createdAt, Instant updatedAt, int version,
			ValidationException.Collector problems);

	/**
	 * The records this one (about to be stored) duplicates, exact matches first, itself left out; a
	 * record in the trash is never among them (row-level security hides it). None unless the kind checks.
	 */
	protected List<DuplicateCheck.Match> duplicatesOf(R record) {
		return List.of();
	}

	/** A record as stored, with the records it possibly duplicates (same folded name and birthday, province or organization). */
	public record Saved<R>(R record, List<DuplicateCheck.Found> possibleDuplicates) {
	}

	/** Runs after a change is stored and its history written (in the same transaction). */
	protected void changed(R before, R after) {
	}

	/**
	 * The record, read in one statement without a transaction of its own (a transaction's BEGIN
	 * and COMMIT would be a round trip more for nothing: the connection comes bound to the
	 * workspace, decision 27); inside a caller's transaction it reads in that one.
	 */
	public R get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException(kind.notFound()));
	}

	/** Fills in the tag names of a page of records, with one query for the page. */
	protected ListQuery.Page<R> withTagNames(ListQuery.Page<R> page) {
		var names = support.tags.of(kind.entity(), page.items().stream().map(CustomerRecord::id).toList());
		return new ListQuery.Page<>(page.items().stream().map(r -> withTags(r, names.getOrDefault(r.id(), List.of()))).toList(),
				page.nextCursor());
	}

	/** How many records of this kind the user owns (served by the index on owner). */
	@Transactional(readOnly = true)
	public long countOwnedBy(UUID ownerId) {
		return support.table.countOwnedBy(kind, ownerId);
	}

	/** The record that has this key in its source system, if any. */
	@Transactional(readOnly = true)
	public Optional<R> findByExternalId(String externalId) {
		return support.table.withExternalId(kind, externalId).flatMap(this::find)
				.map(r -> withTags(r, support.table.tagNames(kind, r.id())));
	}

	/**
	 * Creates a record without the duplicate check: for callers that looked already (a lead's
	 * conversion shows the likely matches first) or make no duplicates (the demo). Forms and the API
	 * go through {@link #create(CustomerDraft, boolean)}.
	 */
	@Transactional
	public R create(D draft) {
		return create(draft, (java.util.function.Consumer<R>) null);
	}

	/**
	 * Creates a record after the duplicate check: an exact match (email, phone, tax code) refuses it
	 * with {@link DuplicateRecordException} unless {@code allowDuplicate}; possible ones come back with it.
	 */
	@Transactional
	public Saved<R> create(D draft, boolean allowDuplicate) {
		var found = new java.util.ArrayList<DuplicateCheck.Found>();
		var record = create(draft, r -> found.addAll(checkDuplicates(r, allowDuplicate)));
		return new Saved<>(record, List.copyOf(found));
	}

	private R create(D draft, java.util.function.Consumer<R> beforeStoring) {
		support.access.requireWrite();
		var now = Instant.now(support.clock);
		var id = Ids.next();
		var record = check(id, draft, null, support.ownership.ownerOfNew(draft.ownerId()),
				support.ownership.teamOfNew(draft.ownerTeamId()), now, now, 0);
		if (beforeStoring != null) {
			beforeStoring.accept(record);
		}
		storing(() -> insert(record));
		var stored = withTags(record, support.tags.add(kind.entity(), id, record.tags()));
		support.history.created(kind.entity(), id, stored.historyValues());
		return stored;
	}

	/** Changes a record without the duplicate check (a merge's survivor takes the others' emails and phones). */
	@Transactional
	public R update(UUID id, D draft, int expectedVersion) {
		return update(id, draft, expectedVersion, (java.util.function.Consumer<R>) null);
	}

	/** Changes a record after the duplicate check, as {@link #create(CustomerDraft, boolean)}; the record itself is left out. */
	@Transactional
	public Saved<R> update(UUID id, D draft, int expectedVersion, boolean allowDuplicate) {
		var found = new java.util.ArrayList<DuplicateCheck.Found>();
		var record = update(id, draft, expectedVersion, r -> found.addAll(checkDuplicates(r, allowDuplicate)));
		return new Saved<>(record, List.copyOf(found));
	}

	/** Refuses an exact duplicate unless allowed; returns the possible (and allowed exact) ones, named. */
	private List<DuplicateCheck.Found> checkDuplicates(R record, boolean allowDuplicate) {
		var matches = duplicatesOf(record);
		if (matches.isEmpty()) {
			return List.of();
		}
		var named = support.duplicates.named(kind == CustomerKind.PERSON, matches);
		var exact = named.stream().filter(DuplicateCheck.Found::exact).toList();
		if (!exact.isEmpty() && !allowDuplicate) {
			throw new DuplicateRecordException(exact);
		}
		return named;
	}

	private R update(UUID id, D draft, int expectedVersion, java.util.function.Consumer<R> beforeStoring) {
		var current = get(id);
		support.access.requireEdit(current.ownerId(), current.ownerTeamId());
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var ownerId = draft.ownerId() == null ? current.ownerId() : draft.ownerId();
		support.ownership.checkChange(current.ownerId(), current.ownerTeamId(), ownerId, draft.ownerTeamId());
		var changed = check(id, draft, current, ownerId, draft.ownerTeamId(), current.createdAt(), Instant.now(support.clock),
				expectedVersion + 1);
		if (beforeStoring != null) {
			beforeStoring.accept(changed);
		}
		if (!storing(() -> update(changed, expectedVersion))) {
			throw new StaleVersionException();
		}
		var stored = withTags(changed, support.tags.set(kind.entity(), id, changed.tags()));
		support.history.updated(kind.entity(), id, current.historyValues(), stored.historyValues());
		changed(current, stored);
		return stored;
	}

	/**
	 * Moves the record to the trash with everything that hangs on it (opportunities, documents,
	 * activities, tasks, contact roles); refused while that holds someone else's work (decision 22).
	 */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var current = get(id);
		support.access.requireEdit(current.ownerId(), current.ownerTeamId());
		support.trash.moveToTrash(kind.entity(), id, expectedVersion);
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return support.history.of(id);
	}

	/**
	 * Runs a write; a unique-index refusal on the external id (held by a record in the trash, which
	 * the check before cannot see) becomes the same field problem. The transaction is rolled back.
	 */
	private static <T> T storing(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		} catch (org.springframework.dao.DuplicateKeyException e) {
			if (e.getMessage() != null && e.getMessage().contains("_external_id")) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("externalId", "validation.external-id-taken")));
			}
			throw e;
		}
	}

	private static void storing(Runnable write) {
		storing(() -> {
			write.run();
			return null;
		});
	}

	private R check(UUID id, D draft, R current, UUID ownerId, UUID ownerTeamId, Instant createdAt, Instant updatedAt, int version) {
		var problems = new ValidationException.Collector();
		var common = commonFields(id, draft, ownerId, ownerTeamId, problems);
		var record = checked(id, draft, current, common, createdAt, updatedAt, version, problems);
		problems.throwIfAny();
		return record;
	}

	/** Checks the fields every record has; problems are added, never thrown. */
	CommonFields commonFields(UUID id, D draft, UUID ownerId, UUID ownerTeamId, ValidationException.Collector problems) {
		var emails = ContactDetails.emails(draft.emails(), problems);
		var phones = ContactDetails.phones(draft.phones(), problems);
		var addresses = ContactDetails.addresses(draft.addresses(), problems);
		var stage = LifecycleStage.checked(draft.lifecycleStage(), problems);
		support.ownership.validate(ownerId, ownerTeamId, problems);
		var custom = support.customFields.validate(kind.entity(), draft.customFields(), problems);
		var tagNames = support.tags.clean(draft.tags(), "tags", problems);
		var externalId = externalId(id, draft.externalId(), problems);
		return new CommonFields(emails, phones, addresses, tagNames, ownerId, ownerTeamId, stage, custom, externalId);
	}

	/**
	 * An external id is free text (1–200 characters, surrounding spaces dropped), unique among the
	 * workspace's records of the kind. A record in the trash keeps its id, so the store's unique index
	 * is the last word (see {@code storing}); this check gives the usual field problem first.
	 */
	private String externalId(UUID id, String given, ValidationException.Collector problems) {
		var clean = ContactDetails.blankToNull(given);
		if (clean == null) {
			return null;
		}
		clean = clean.strip();
		if (clean.length() > MAX_EXTERNAL_ID) {
			problems.add("externalId", "validation.too-long");
			return null;
		}
		var holder = support.table.withExternalId(kind, clean);
		if (holder.isPresent() && !holder.get().equals(id)) {
			problems.add("externalId", "validation.external-id-taken");
		}
		return clean;
	}
}
