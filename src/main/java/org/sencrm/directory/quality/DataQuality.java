package org.sencrm.directory.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How clean the customer base is: the share of persons with an email, a phone, an owner who can still
 * sign in; values left from old data that today's checks would refuse (an email {@code platform.Email}
 * refuses, a phone not in E.164); persons untouched for a year; and the open duplicate groups of the
 * last scan. One pass over the persons, counted by PostgreSQL with the very conditions of the list
 * filters ({@link RecordTable}), so each figure's link shows as many persons as it says.
 */
@Service
public class DataQuality {

	/**
	 * The figures of one workspace. {@code untouchedSince}: the day (UTC) a year ago; persons not changed
	 * since its start are "untouched".
	 */
	public record Report(long persons, long withEmail, long withPhone, long withActiveOwner, long invalidEmails, long invalidPhones,
			long untouchedForAYear, LocalDate untouchedSince, long personsInGroups, long openPersonGroups, long openOrganizationGroups) {

		public int percent(long part) {
			return persons == 0 ? 0 : (int) Math.round(100.0 * part / persons);
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	DataQuality(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Report report() {
		var ws = WorkspaceContext.workspaceId();
		var yearAgo = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusYears(1);
		return jdbc.sql("""
				select count(*) as persons,
				  count(*) filter (where r.emails <> '[]'::jsonb) as with_email,
				  count(*) filter (where r.phones <> '[]'::jsonb) as with_phone,
				  count(*) filter (where %1$s) as with_active_owner,
				  count(*) filter (where %2$s) as invalid_emails,
				  count(*) filter (where %3$s) as invalid_phones,
				  count(*) filter (where r.updated_at < :yearAgo) as untouched,
				  count(*) filter (where %4$s) as in_groups,
				  (%5$s) as person_groups,
				  (%6$s) as organization_groups
				from persons r
				where r.workspace_id = :ws""".formatted(RecordTable.ACTIVE_OWNER, RecordTable.INVALID_EMAIL, RecordTable.INVALID_PHONE,
				RecordTable.inDuplicateGroup(CustomerKind.PERSON), openGroups(CustomerKind.PERSON),
				openGroups(CustomerKind.ORGANIZATION)))
				.param("ws", ws).param("yearAgo", Timestamp.from(yearAgo.atStartOfDay(ZoneOffset.UTC).toInstant()))
				.query((rs, n) -> new Report(rs.getLong("persons"), rs.getLong("with_email"), rs.getLong("with_phone"),
						rs.getLong("with_active_owner"), rs.getLong("invalid_emails"), rs.getLong("invalid_phones"), rs.getLong("untouched"),
						yearAgo, rs.getLong("in_groups"), rs.getLong("person_groups"), rs.getLong("organization_groups")))
				.single();
	}

	/** Groups of the last scan with two or more records still there: what the duplicates page lists. */
	private static String openGroups(CustomerKind kind) {
		return """
				select count(*) from duplicate_groups g where g.workspace_id = :ws and g.entity = '%1$s'
				  and (select count(*) from %2$s o where o.workspace_id = :ws and o.id = any(g.ids)) >= 2"""
				.formatted(kind.entity(), kind.table());
	}
}
