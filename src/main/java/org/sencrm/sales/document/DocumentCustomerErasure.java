package org.sencrm.sales.document;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.History;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What erasing a person does to the quotes, orders and contracts the business keeps: the document
 * stays with its number, lines and amounts, no longer linked to the person, its customer name now
 * "Erased customer" (or the organization's name with the person's taken out), and their names,
 * emails and phones blanked in its notes and title.
 */
@Component
public class DocumentCustomerErasure {

	public enum Kind { QUOTES, ORDERS, CONTRACTS }

	private final JdbcClient jdbc;

	DocumentCustomerErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Unlinks the person's documents of this kind and blanks them where any document quotes them; returns how many changed. */
	public int forgetCustomer(Kind kind, PersonalData.Subject subject, PersonalData.Erasure erasure) {
		var table = switch (kind) {
			case QUOTES -> "quotes";
			case ORDERS -> "orders";
			case CONTRACTS -> "contracts";
		};
		var title = kind == Kind.CONTRACTS ? ", title = sen_redact(title, :personal, :marker)" : "";
		var titleMentioned = kind == Kind.CONTRACTS ? " or sen_mentions(title, :personal)" : "";
		var personal = subject.identifying().toArray(String[]::new);
		var unlinked = jdbc.sql("update " + table + " set person_id = null,"
				+ " customer_name = case when organization_id is null then :erased else sen_redact(customer_name, :personal, :erased) end,"
				+ " notes = sen_redact(notes, :personal, :marker)" + title + ", updated_at = now(), version = version + 1"
				+ " where workspace_id = :ws and person_id = :person")
				.param("ws", WorkspaceContext.workspaceId()).param("person", subject.personId()).param("personal", personal)
				.param("erased", erasure.erasedCustomer()).param("marker", History.ERASED).update();
		var quoting = jdbc.sql("update " + table + " set customer_name = sen_redact(customer_name, :personal, :erased),"
				+ " notes = sen_redact(notes, :personal, :marker)" + title
				+ " where workspace_id = :ws and (sen_mentions(customer_name, :personal) or sen_mentions(notes, :personal)"
				+ titleMentioned + ")")
				.param("ws", WorkspaceContext.workspaceId()).param("personal", personal)
				.param("erased", erasure.erasedCustomer()).param("marker", History.ERASED).update();
		return unlinked + quoting;
	}
}
