package org.sencrm.directory.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.listing.ListQuery;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations in PostgreSQL. Every statement names the workspace, and row-level security checks it again. */
@Repository
class OrganizationRepository {

	private final JdbcClient jdbc;
	private final ContactJson json;
	private final RecordTable table;

	OrganizationRepository(JdbcClient jdbc, ContactJson json, RecordTable table) {
		this.jdbc = jdbc;
		this.json = json;
		this.table = table;
	}

	Optional<Organization> find(UUID id) {
		// the tags in the same statement: an organization is read in one round trip
		return jdbc.sql("""
				select o.*, array(select t.name from organization_tags ot join tags t on t.id = ot.tag_id
				                  where ot.workspace_id = o.workspace_id and ot.organization_id = o.id order by lower(t.name)) as tag_names
				from organizations o where o.workspace_id = :ws and o.id = :id""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query((rs, row) -> organization(rs, row).withTags(List.of((String[]) rs.getArray("tag_names").getArray())))
				.optional();
	}

	void insert(Organization o) {
		jdbc.sql("""
				insert into organizations (id, workspace_id, name, kind, relationship, lifecycle_stage, tax_code, industry, size, website,
				  emails, phones, addresses, parent_id, owner_id, owner_team_id, custom_fields, external_id, search_name, search_text, created_at,
				  updated_at, version)
				values (:id, :ws, :name, :kind, :relationship, :stage, :taxCode, :industry, :size, :website, cast(:emails as jsonb),
				  cast(:phones as jsonb), cast(:addresses as jsonb), :parent, :owner, :team, cast(:custom as jsonb), :externalId, :searchName,
				  :searchText, :created, :updated, 0)""")
				.params(columns(o))
				.update();
	}

	boolean update(Organization o, int expectedVersion) {
		var params = columns(o);
		params.put("expected", expectedVersion);
		return jdbc.sql("""
				update organizations set name = :name, kind = :kind, relationship = :relationship, lifecycle_stage = :stage,
				  tax_code = :taxCode,
				  industry = :industry, size = :size, website = :website, emails = cast(:emails as jsonb), phones = cast(:phones as jsonb),
				  addresses = cast(:addresses as jsonb), parent_id = :parent, owner_id = :owner, owner_team_id = :team,
				  custom_fields = cast(:custom as jsonb), external_id = :externalId, search_name = :searchName, search_text = :searchText, updated_at = :updated,
				  version = version + 1
				where workspace_id = :ws and id = :id and version = :expected""")
				.params(params)
				.update() == 1;
	}

	ListQuery.Page<Organization> list(OrganizationFilter filter) {
		return table.list(CustomerKind.ORGANIZATION, filter.common(),
				q -> q.equal("kind", filter.kind()).equal("relationship", filter.relationship()), this::organization);
	}

	/** Ancestors of an organization, nearest first, to refuse a parent that would close a loop. */
	List<UUID> ancestors(UUID id) {
		return jdbc.sql("""
				with recursive up(id, parent_id, depth) as (
				  select id, parent_id, 0 from organizations where workspace_id = :ws and id = :id
				  union all
				  select o.id, o.parent_id, up.depth + 1 from organizations o join up on o.id = up.parent_id
				  where o.workspace_id = :ws and up.depth < 50)
				select id from up where depth > 0 order by depth""")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(UUID.class).list();
	}

	List<Organization> children(UUID id) {
		return jdbc.sql("select * from organizations where workspace_id = :ws and parent_id = :id order by search_name")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).query(this::organization).list();
	}

	private Map<String, Object> columns(Organization o) {
		var params = new HashMap<String, Object>();
		params.put("id", o.id());
		params.put("ws", WorkspaceContext.workspaceId());
		params.put("name", o.name());
		params.put("kind", o.kind());
		params.put("relationship", o.relationship());
		params.put("stage", o.lifecycleStage());
		params.put("taxCode", o.taxCode());
		params.put("industry", o.industry());
		params.put("size", o.size());
		params.put("website", o.website());
		params.put("emails", json.write(o.emails()));
		params.put("phones", json.write(o.phones()));
		params.put("addresses", json.write(o.addresses()));
		params.put("parent", o.parentId());
		params.put("owner", o.ownerId());
		params.put("team", o.ownerTeamId());
		params.put("custom", json.write(o.customFields()));
		params.put("externalId", o.externalId());
		params.put("searchName", o.searchName());
		params.put("searchText", o.searchText());
		params.put("created", Timestamp.from(o.createdAt()));
		params.put("updated", Timestamp.from(o.updatedAt()));
		return params;
	}

	private Organization organization(ResultSet rs, int row) throws SQLException {
		return new Organization(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
				rs.getString("relationship"), rs.getString("lifecycle_stage"), rs.getString("tax_code"), rs.getString("industry"), rs.getString("size"),
				rs.getString("website"), json.emails(rs.getString("emails")), json.phones(rs.getString("phones")),
				json.addresses(rs.getString("addresses")), rs.getObject("parent_id", UUID.class), List.of(),
				rs.getObject("owner_id", UUID.class), rs.getObject("owner_team_id", UUID.class),
				json.map(rs.getString("custom_fields")), rs.getString("external_id"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
