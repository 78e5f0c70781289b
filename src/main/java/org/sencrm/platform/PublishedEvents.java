package org.sencrm.platform;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events Spring Modulith's registry keeps (table {@code event_publication}): a timeline entry
 * travels in one with its subject and text, so erasing a person must reach them too. The table
 * belongs to no workspace, so only the current workspace's events are touched — those whose
 * serialized form names it.
 */
@Component
public class PublishedEvents {

	private final JdbcClient jdbc;

	PublishedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Forgets the current workspace's events, delivered or not, whose content contains one of the
	 * texts (4 characters or more): they are about someone whose personal data is being erased, so
	 * there is nothing left to deliver them to. Returns how many.
	 */
	public int forgetMentioning(Collection<String> personal) {
		return jdbc.sql("""
				delete from event_publication
				where strpos(serialized_event, :workspace) > 0 and sen_mentions(serialized_event, :personal)""")
				.param("workspace", WorkspaceContext.workspaceId().toString())
				.param("personal", personal.toArray(String[]::new))
				.update();
	}
}
