package org.sencrm.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ids of every workspace, for background work that visits each tenant in turn. */
@Component
public class AllWorkspaces {

	private final JdbcClient jdbc;

	AllWorkspaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<UUID> ids() {
		return jdbc.sql("select id from workspaces order by created_at").query(UUID.class).list();
	}
}
