package org.sencrm.sales.order;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.web.Formats;
import org.sencrm.platform.web.Languages;
import org.sencrm.sales.OrderPaid;
import org.sencrm.sales.OrderPlaced;
import org.sencrm.timeline.Touchpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the system that an order was placed or paid: the public events
 * {@link OrderPlaced} and {@link OrderPaid}, and an entry on the customer's timeline (a
 * {@link Touchpoint}, once per order and event), written in the workspace's language.
 */
@Component
class OrderNews {

	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final Formats formats;
	private final UserDirectory users;

	OrderNews(ApplicationEventPublisher events, MessageSource messages, Formats formats, UserDirectory users) {
		this.events = events;
		this.messages = messages;
		this.formats = formats;
		this.users = users;
	}

	void placed(Order order, Instant at) {
		var actor = WorkspaceContext.current().actorId();
		events.publishEvent(new OrderPlaced(WorkspaceContext.workspaceId(), order.id(), order.number(), order.personId(),
				order.organizationId(), order.currency(), order.totals().total(), at, actor));
		touchpoint(order, "placed", at, actor);
	}

	void paid(Order order, Instant at) {
		var actor = WorkspaceContext.current().actorId();
		events.publishEvent(new OrderPaid(WorkspaceContext.workspaceId(), order.id(), order.number(), order.personId(),
				order.organizationId(), order.currency(), order.totals().total(), at, actor));
		touchpoint(order, "paid", at, actor);
	}

	private void touchpoint(Order order, String what, Instant at, UUID actor) {
		if (order.personId() == null && order.organizationId() == null) {
			return;
		}
		var language = users.workspace().defaultLanguage();
		var locale = Languages.supported(language) ? Locale.forLanguageTag(language) : Languages.SUPPORTED.getFirst();
		var previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			var subject = messages.getMessage("order.timeline." + what,
					new Object[] {order.number(), formats.money(order.totals().total(), order.currency())}, locale);
			events.publishEvent(new Touchpoint(WorkspaceContext.workspaceId(), "note", order.personId(), order.organizationId(),
					"order", order.id(), subject, null, at, actor, "sales", "order:" + order.id() + ":" + what));
		} finally {
			LocaleContextHolder.setLocale(previous);
		}
	}
}
