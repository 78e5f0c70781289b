package org.sencrm.directory.organization;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.duplicates.DuplicateCheck;
import org.sencrm.directory.record.CommonFields;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.CustomerRecords;
import org.sencrm.platform.TaxCode;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations: the shared life of a customer record ({@link CustomerRecords}) plus what is an
 * organization's own — name, kind, relationship, tax code, industry, size, website and parent.
 */
@Service
public class OrganizationService extends CustomerRecords<Organization, OrganizationDraft> {

	static final String ENTITY = "organization";
	private static final int MAX_TEXT = 200;

	private final OrganizationRepository organizations;

	OrganizationService(OrganizationRepository organizations, Support support) {
		super(CustomerKind.ORGANIZATION, support);
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public OrganizationPage list(OrganizationFilter filter) {
		var page = withTagNames(organizations.list(filter));
		return new OrganizationPage(page.items(), page.nextCursor());
	}

	@Transactional(readOnly = true)
	public List<Organization> children(UUID id) {
		return organizations.children(id);
	}

	@Override
	protected Optional<Organization> find(UUID id) {
		return organizations.find(id);
	}

	@Override
	protected void insert(Organization organization) {
		organizations.insert(organization);
	}

	@Override
	protected boolean update(Organization organization, int expectedVersion) {
		return organizations.update(organization, expectedVersion);
	}

	@Override
	protected Organization withTags(Organization organization, List<String> tags) {
		return organization.withTags(tags);
	}

	/** Same tax code, email or phone; or the same folded name (in the same province, when one is given). */
	@Override
	protected List<DuplicateCheck.Match> duplicatesOf(Organization organization) {
		var probe = new DuplicateCheck.OrganizationProbe(organization.name(), organization.taxCode(),
				organization.emails().stream().map(EmailAddress::address).toList(),
				organization.phones().stream().map(PhoneNumber::number).toList(),
				organization.addresses().stream().map(Address::province).toList());
		return support.duplicates().organizations(probe, organization.id());
	}

	@Override
	protected Organization checked(UUID id, OrganizationDraft draft, Organization current, CommonFields common, Instant createdAt,
			Instant updatedAt, int version, ValidationException.Collector problems) {
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
		var size = ContactDetails.blankToNull(draft.size());
		if (size != null && !Organization.SIZES.contains(size)) {
			problems.add("size", "validation.choice");
		}
		var taxCode = TaxCode.checked(draft.taxCode(), "taxCode", problems);
		var website = website(draft.website(), problems);
		var industry = ContactDetails.blankToNull(draft.industry());
		if (industry != null && industry.length() > MAX_TEXT) {
			problems.add("industry", "validation.too-long");
		}
		if (draft.parentId() != null && (draft.parentId().equals(id) || organizations.find(draft.parentId()).isEmpty()
				|| organizations.ancestors(draft.parentId()).contains(id))) {
			problems.add("parentId", "validation.parent");
		}
		return new Organization(id, name, kind, relationship, common.lifecycleStage(), taxCode, industry, size, website, common.emails(),
				common.phones(), common.addresses(), draft.parentId(), common.tags(), common.ownerId(), common.ownerTeamId(),
				common.customFields(), common.externalId(), createdAt, updatedAt, version);
	}

	/** A typed website as a link (https:// added when no scheme), or null with the problem {@code validation.website}; the import checks with it too. */
	public static String website(String given, ValidationException.Collector problems) {
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
