package org.sencrm.directory.duplicates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.PersonName;
import org.sencrm.platform.PhoneNumbers;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the duplicates page shows of each record, to tell them apart: name, email, phone, birthday or tax code, address. */
@Component
class CustomerCards {

	/** One record, briefly. */
	record Card(UUID id, String name, String email, String phone, LocalDate birthday, String taxCode, String address,
			Instant updatedAt, String link) {
	}

	private final JdbcClient jdbc;

	CustomerCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Map<UUID, Card> of(DuplicateKind kind, Collection<UUID> ids) {
		var cards = new LinkedHashMap<UUID, Card>();
		if (ids.isEmpty()) {
			return cards;
		}
		var person = kind == DuplicateKind.PERSON;
		var sql = person ? """
				select id, family_name, middle_name, given_name, name_order, null as name, birthday, null as tax_code,
				""" : """
				select id, null as family_name, null as middle_name, null as given_name, null as name_order, name, null::date as birthday,
				  tax_code,
				""";
		jdbc.sql(sql + """
				  emails -> 0 ->> 'address' as email, phones -> 0 ->> 'number' as phone,
				  concat_ws(', ', addresses -> 0 ->> 'line1', addresses -> 0 ->> 'ward', addresses -> 0 ->> 'district',
				    addresses -> 0 ->> 'city', addresses -> 0 ->> 'province') as address, updated_at
				from %s where workspace_id = :ws and id = any(:ids)""".formatted(kind.table()))
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids.toArray(UUID[]::new))
				.query(rs -> {
					var id = rs.getObject("id", UUID.class);
					var name = person ? PersonName.stored(rs.getString("family_name"), rs.getString("middle_name"),
							rs.getString("given_name"), rs.getString("name_order")).display() : rs.getString("name");
					var birthday = rs.getDate("birthday");
					var phone = rs.getString("phone");
					var address = rs.getString("address");
					cards.put(id, new Card(id, name, rs.getString("email"), phone == null ? null : PhoneNumbers.display(phone),
							birthday == null ? null : birthday.toLocalDate(), rs.getString("tax_code"),
							address == null || address.isBlank() ? null : address, rs.getTimestamp("updated_at").toInstant(),
							(person ? "/persons/" : "/organizations/") + id));
				});
		return cards;
	}
}
