package org.sencrm.directory.merge;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.organization.OrganizationDraft;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two or more organizations into one (decision 33), the organizations' rules of
 * {@link RecordMerge}: their fields, and the daughters of a merged-away organization becoming the
 * survivor's (never the survivor its own parent).
 */
@Service
public class MergeOrganizations {

	static final List<String> FIELDS = List.of("name", "kind", "relationship", "lifecycleStage", "taxCode", "industry", "size",
			"website", "parent", "owner");

	private final OrganizationService organizations;
	private final RecordMerge merge;
	private final JdbcClient jdbc;
	private final Rules rules = new Rules();

	MergeOrganizations(OrganizationService organizations, RecordMerge merge, JdbcClient jdbc) {
		this.organizations = organizations;
		this.merge = merge;
		this.jdbc = jdbc;
	}

	@Transactional
	public Organization merge(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields) {
		return merge.merge(rules, survivorId, otherIds, fields, null);
	}

	/** As {@link #merge(UUID, List, Map)}, refused as stale when a record's version is no longer the one the user saw. */
	@Transactional
	Organization merge(UUID survivorId, List<UUID> otherIds, Map<String, UUID> fields, Map<UUID, Integer> seen) {
		return merge.merge(rules, survivorId, otherIds, fields, seen);
	}

	@Transactional(readOnly = true)
	RecordMerge.Preview<Organization> preview(UUID survivorId, List<UUID> otherIds) {
		return merge.preview(rules, survivorId, otherIds);
	}

	/** The organizations' rules, for the merge and the merge page. */
	MergeRules<Organization> rules() {
		return rules;
	}

	private final class Rules implements MergeRules<Organization> {

		@Override
		public CustomerKind kind() {
			return CustomerKind.ORGANIZATION;
		}

		@Override
		public List<String> fields() {
			return FIELDS;
		}

		@Override
		public Object value(Organization o, String field) {
			return switch (field) {
				case "name" -> o.name();
				case "kind" -> o.kind();
				case "relationship" -> o.relationship();
				case "lifecycleStage" -> o.lifecycleStage();
				case "taxCode" -> o.taxCode();
				case "industry" -> o.industry();
				case "size" -> o.size();
				case "website" -> o.website();
				case "parent" -> o.parentId();
				case "owner" -> o.ownerId();
				default -> throw new IllegalArgumentException(field);
			};
		}

		@Override
		public Organization get(UUID id) {
			return organizations.get(id);
		}

		@Override
		public Map<String, Integer> moveMore(UUID mergeId, UUID survivor, List<UUID> merged) {
			var daughters = jdbc.sql("""
					with moved as (
					  update organizations o set parent_id = :survivor
					  from (select id as k, parent_id as c from organizations where workspace_id = :ws and parent_id = any(:merged)) old
					  where o.workspace_id = :ws and o.id = old.k and o.id <> :survivor returning old.k, old.c)
					insert into merge_moves (merge_id, workspace_id, table_name, column_name, row_key, from_id)
					select :merge, :ws, 'organizations', 'parent_id', k, c from moved""")
					.param("ws", WorkspaceContext.workspaceId()).param("survivor", survivor).param("merged", merged.toArray(UUID[]::new))
					.param("merge", mergeId).update();
			return Map.of("organizations", daughters);
		}

		@Override
		public Organization store(MergedValues<Organization> values, int version) {
			var survivor = values.survivor();
			var parent = values.from("parent").parentId();
			if (parent != null && (values.mergedIds().contains(parent) || parent.equals(survivor.id()))) {
				parent = survivor.parentId() != null && !values.mergedIds().contains(survivor.parentId()) ? survivor.parentId() : null;
			}
			var owner = values.from("owner");
			var draft = new OrganizationDraft(values.from("name").name(), values.from("kind").kind(),
					values.from("relationship").relationship(), values.from("lifecycleStage").lifecycleStage(),
					values.from("taxCode").taxCode(), values.from("industry").industry(), values.from("size").size(),
					values.from("website").website(), values.emails(), values.phones(), values.addresses(), parent, values.tags(),
					owner.ownerId(), owner.ownerTeamId(), values.customFields(), survivor.externalId());
			return organizations.update(survivor.id(), draft, version);
		}
	}
}
