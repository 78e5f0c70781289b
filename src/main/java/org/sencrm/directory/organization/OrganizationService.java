package org.sencrm.directory.organization;

import java.time.Clock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.ownership.Ownership;
import org.sencrm.directory.tag.Tags;
import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.trash.Trash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, deleting and listing organizations, with the same rules as persons. */
@Service
public class OrganizationService {

	static final String ENTITY = "organization";
	/** Vietnamese tax code (mã số thuế): 10 digits, or 10 digits, a dash and 3 for a branch. */
	private static final Pattern VN_TAX_CODE = Pattern.compile("^\\d{10}(-\\d{3})?$");
	private static final Pattern FOREIGN_TAX_CODE = Pattern.compile("^[A-Z]{2}[A-Z0-9]{2,28}$");
	private static final int MAX_TEXT = 200;

	private final OrganizationRepository organizations;
	private final Tags tags;
	private final CustomFields customFields;
	private final Access access;
	private final Ownership ownership;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	OrganizationService(OrganizationRepository organizations, Tags tags, CustomFields customFields, Access access,
			Ownership ownership, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.organizations = organizations;
		this.tags = tags;
		this.customFields = customFields;
		this.access = access;
		this.ownership = ownership;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Organization get(UUID id) {
		return organizations.find(id).orElseThrow(() -> new NotFoundException("entity.organization"));
	}

	@Transactional(readOnly = true)
	public OrganizationPage list(OrganizationFilter filter) {
		var page = organizations.list(filter);
		var names = tags.of(ENTITY, page.items().stream().map(Organization::id).toList());
		return new OrganizationPage(page.items().stream().map(o -> o.withTags(names.getOrDefault(o.id(), List.of()))).toList(),
				page.nextCursor());
	}

	@Transactional(readOnly = true)
	public List<Organization> children(UUID id) {
		return organizations.children(id);
	}

	/** How many organizations this user owns (served by the index on owner). */
	@Transactional(readOnly = true)
	public long countOwnedBy(UUID ownerId) {
		return organizations.countOwnedBy(ownerId);
	}

	@Transactional
	public Organization create(OrganizationDraft draft) {
		access.requireWrite();
		var now = Instant.now(clock);
		var organization = checked(Ids.next(), draft, ownership.ownerOfNew(draft.ownerId()),
				ownership.teamOfNew(draft.ownerTeamId()), now, now, 0);
		organizations.insert(organization);
		var stored = organization.withTags(tags.add(ENTITY, organization.id(), organization.tags()));
		history.created(ENTITY, stored.id(), stored.historyValues());
		return stored;
	}

	@Transactional
	public Organization update(UUID id, OrganizationDraft draft, int expectedVersion) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var ownerId = draft.ownerId() == null ? current.ownerId() : draft.ownerId();
		ownership.checkChange(current.ownerId(), current.ownerTeamId(), ownerId, draft.ownerTeamId());
		var changed = checked(id, draft, ownerId, draft.ownerTeamId(), current.createdAt(), Instant.now(clock), expectedVersion + 1);
		if (!organizations.update(changed, expectedVersion)) {
			throw new StaleVersionException();
		}
		var stored = changed.withTags(tags.set(ENTITY, id, changed.tags()));
		history.updated(ENTITY, id, current.historyValues(), stored.historyValues());
		return stored;
	}

	/**
	 * Moves the organization to the trash with everything that hangs on it (opportunities, documents,
	 * activities, tasks, contact roles); refused while that holds someone else's work (decision 22).
	 */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var current = get(id);
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		trash.moveToTrash(ENTITY, id, expectedVersion);
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	private Organization checked(UUID id, OrganizationDraft draft, UUID ownerId, UUID ownerTeamId, Instant createdAt,
			Instant updatedAt, int version) {
		var problems = new ValidationException.Collector();
		var name = ContactDetails.blankToNull(draft.name());
		if (name == null) {
			problems.add("name", "validation.required");
		} else if (name.length() > MAX_TEXT) {
			problems.add("name", "validation.too-long");
		}
		var kind = draft.kind() == null || draft.kind().isBlank() ? "commercial_user" : draft.kind();
		if (!Organization.KINDS.contains(kind)) {
			problems.add("kind", "validation.choice");
		}
		var relationship = draft.relationship() == null || draft.relationship().isBlank() ? "customer" : draft.relationship();
		if (!Organization.RELATIONSHIPS.contains(relationship)) {
			problems.add("relationship", "validation.choice");
		}
		var stage = LifecycleStage.checked(draft.lifecycleStage(), problems);
		var size = ContactDetails.blankToNull(draft.size());
		if (size != null && !Organization.SIZES.contains(size)) {
			problems.add("size", "validation.choice");
		}
		var taxCode = taxCode(draft.taxCode(), problems);
		var website = website(draft.website(), problems);
		var industry = ContactDetails.blankToNull(draft.industry());
		if (industry != null && industry.length() > MAX_TEXT) {
			problems.add("industry", "validation.too-long");
		}
		if (draft.parentId() != null && (draft.parentId().equals(id) || organizations.find(draft.parentId()).isEmpty()
				|| organizations.ancestors(draft.parentId()).contains(id))) {
			problems.add("parentId", "validation.parent");
		}
		var emails = ContactDetails.emails(draft.emails(), problems);
		var phones = ContactDetails.phones(draft.phones(), problems);
		var addresses = ContactDetails.addresses(draft.addresses(), problems);
		ownership.validate(ownerId, ownerTeamId, problems);
		var custom = customFields.validate(ENTITY, draft.customFields(), problems);
		var tagNames = tags.clean(draft.tags(), "tags", problems);
		problems.throwIfAny();
		return new Organization(id, name, kind, relationship, stage, taxCode, industry, size, website, emails, phones, addresses,
				draft.parentId(), tagNames, ownerId, ownerTeamId, custom, createdAt, updatedAt, version);
	}

	private static String taxCode(String given, ValidationException.Collector problems) {
		var code = ContactDetails.blankToNull(given);
		if (code == null) {
			return null;
		}
		var compact = code.replace(" ", "").toUpperCase(Locale.ROOT);
		if (VN_TAX_CODE.matcher(compact).matches() || FOREIGN_TAX_CODE.matcher(compact).matches()) {
			return compact;
		}
		problems.add("taxCode", "validation.tax-code");
		return null;
	}

	private static String website(String given, ValidationException.Collector problems) {
		var text = ContactDetails.blankToNull(given);
		if (text == null) {
			return null;
		}
		var url = text.contains("://") ? text : "https://" + text;
		try {
			var uri = URI.create(url);
			if (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null || !uri.getHost().contains(".")) {
				throw new IllegalArgumentException(url);
			}
			return url;
		} catch (IllegalArgumentException e) {
			problems.add("website", "validation.website");
			return null;
		}
	}
}
