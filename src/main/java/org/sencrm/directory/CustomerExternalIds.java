package org.sencrm.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys customers have in their source systems ({@code externalId}), for other modules that write
 * records about customers to files (an order export's {@code customerExternalId}): many at once.
 */
@Service
public class CustomerExternalIds {

	private final JdbcClient jdbc;

	CustomerExternalIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The external ids of these persons that have one. */
	@Transactional(readOnly = true)
	public Map<UUID, String> ofPersons(Collection<UUID> ids) {
		return of("persons", ids);
	}

	/** The external ids of these organizations that have one. */
	@Transactional(readOnly = true)
	public Map<UUID, String> ofOrganizations(Collection<UUID> ids) {
		return of("organizations", ids);
	}

	private Map<UUID, String> of(String table, Collection<UUID> ids) {
		var found = new HashMap<UUID, String>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, external_id from " + table + " where workspace_id = :ws and id = any(:ids) and external_id is not null")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids.toArray(UUID[]::new))
				.query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return found;
	}
}
