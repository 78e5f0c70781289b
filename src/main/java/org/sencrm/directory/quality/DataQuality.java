package org.sencrm.directory.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How clean the customer base is: the share of persons with an email, a phone, an owner who can still
 * sign in; values left from old data that today's checks would refuse (an email without "@", a phone
 * not in E.164); persons untouched for a year; and the open duplicate groups of the last scan. One
 * pass over the persons, counted by PostgreSQL.
 */
@Service
public class DataQuality {

	/** The figures of one workspace. */
	public record Report(long persons, long withEmail, long withPhone, long withActiveOwner, long invalidEmails, long invalidPhones,
			long untouchedForAYear, long openPersonGroups, long openOrganizationGroups) {

		public int percent(long part) {
			return persons == 0 ? 0 : (int) Math.round(100.0 * part / persons);
		}
	}

	private final JdbcClient jdbc;
	private final UserDirectory users;
	private final Clock clock;

	DataQuality(JdbcClient jdbc, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Report report() {
		var ws = WorkspaceContext.workspaceId();
		var yearAgo = Timestamp.from(Instant.now(clock).minus(Duration.ofDays(365)));
		return jdbc.sql("""
				select count(*) as persons,
				  count(*) filter (where jsonb_array_length(p.emails) > 0) as with_email,
				  count(*) filter (where jsonb_array_length(p.phones) > 0) as with_phone,
				  count(*) filter (where p.owner_id = any(:active)) as with_active_owner,
				  count(*) filter (where exists (select 1 from jsonb_array_elements(p.emails) e
				                                 where (e ->> 'address') !~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$')) as invalid_emails,
				  count(*) filter (where exists (select 1 from jsonb_array_elements(p.phones) t
				                                 where (t ->> 'number') !~ '^\\+[1-9][0-9]{6,14}$')) as invalid_phones,
				  count(*) filter (where p.updated_at < :yearAgo) as untouched,
				  (select count(*) from duplicate_groups g where g.workspace_id = :ws and g.entity = 'person') as person_groups,
				  (select count(*) from duplicate_groups g where g.workspace_id = :ws and g.entity = 'organization') as organization_groups
				from persons p
				where p.workspace_id = :ws""")
				.param("ws", ws).param("yearAgo", yearAgo)
				.param("active", users.users().stream().filter(UserDirectory.UserSummary::active).map(UserDirectory.UserSummary::id)
						.toArray(java.util.UUID[]::new))
				.query((rs, n) -> new Report(rs.getLong("persons"), rs.getLong("with_email"), rs.getLong("with_phone"),
						rs.getLong("with_active_owner"), rs.getLong("invalid_emails"), rs.getLong("invalid_phones"), rs.getLong("untouched"),
						rs.getLong("person_groups"), rs.getLong("organization_groups")))
				.single();
	}
}
