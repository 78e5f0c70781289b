package org.sencrm.analytics.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sencrm.analytics.segment.SegmentField.Source;
import org.sencrm.directory.Consents;

import static org.sencrm.analytics.segment.SegmentField.Source.*;
import static org.sencrm.analytics.segment.ValueType.*;

/**
 * Every field a segment's rule may name (docs/analytics.md, "Segments", lists them): the record's
 * own fields, its value from {@code customer_values}, its orders from sales' {@code order_facts} and
 * {@code order_line_facts}, its contacts from timeline's {@code activity_facts} and its consents.
 * Plus {@code customFields.<key>} and {@code consents.<channel>}, whose names carry a key.
 */
public final class SegmentFields {

	public static final String CUSTOM_PREFIX = "customFields.";
	public static final String CONSENT_PREFIX = "consents.";
	public static final List<String> LIFECYCLE_STAGES = List.of("first_time", "repeat", "regular", "loyal", "at_risk", "churned");
	public static final List<String> CHANNELS = List.of("call", "meeting", "email", "sms", "chat", "visit");

	private static final Map<String, SegmentField> FIELDS = new LinkedHashMap<>();

	static {
		both("name", TEXT, COLUMN, "r.search_name");
		both("email", TEXT, JSON_LIST, "emails:address");
		both("phone", TEXT, JSON_LIST, "phones:number");
		both("city", TEXT, JSON_LIST, "addresses:province");
		both("district", TEXT, JSON_LIST, "addresses:district");
		both("tags", ValueType.TAGS, Source.TAGS, null);
		both("lifecycleStage", CHOICE, COLUMN, "r.lifecycle_stage", LIFECYCLE_STAGES);
		both("ownerId", ID, COLUMN, "r.owner_id");
		both("ownerTeamId", ID, COLUMN, "r.owner_team_id");
		both("externalId", TEXT, COLUMN, "r.external_id");
		both("createdAt", TIMESTAMP, COLUMN, "r.created_at");
		both("updatedAt", TIMESTAMP, COLUMN, "r.updated_at");
		person("status", CHOICE, COLUMN, "r.status", List.of("potential", "existing"));
		person("birthday", DATE, COLUMN, "r.birthday", List.of());
		organization("kind", CHOICE, COLUMN, "r.kind",
				List.of("commercial_oem", "commercial_user", "commercial_distributor", "government", "institutional", "other"));
		organization("relationship", CHOICE, COLUMN, "r.relationship", List.of("customer", "partner", "supplier", "internal"));
		organization("industry", TEXT, COLUMN, "r.industry", List.of());
		organization("yearlyBudget", NUMBER, COLUMN, "r.yearly_budget", List.of());
		// the value rebuild's read model (customer_values)
		both("valueTier", CHOICE, VALUES, "cv.value_tier", List.of("A", "B", "C"));
		both("rfm.segment", TEXT, VALUES, "cv.rfm_segment");
		both("rfm.code", TEXT, VALUES, "cv.rfm_code");
		both("rfm.recency", NUMBER, VALUES, "cv.recency_score");
		both("rfm.frequency", NUMBER, VALUES, "cv.frequency_score");
		both("rfm.monetary", NUMBER, VALUES, "cv.monetary_score");
		both("historic.revenue", NUMBER, VALUES, "cv.revenue");
		both("historic.orders", NUMBER, VALUES, "cv.orders");
		both("historic.averageOrderValue", NUMBER, VALUES, "cv.average_order_value");
		both("historic.grossMargin", NUMBER, VALUES, "cv.gross_margin");
		both("historic.firstOrderAt", DATE, VALUES, "cv.first_order_on");
		both("lastOrderAt", DATE, VALUES, "cv.last_order_on");
		both("predicted.lifetimeValue", NUMBER, VALUES, "cv.predicted_lifetime_value");
		both("predicted.probabilityAlive", NUMBER, VALUES, "cv.probability_alive");
		both("predicted.expectedPurchases", NUMBER, VALUES, "cv.expected_purchases");
		both("predicted.expectedAverageOrderValue", NUMBER, VALUES, "cv.expected_average_order_value");
		// live from sales' views
		both("orders.count", NUMBER, ORDER_COUNT, null);
		both("orders.amount", NUMBER, ORDER, "f.revenue");
		both("orders.date", DATE, ORDER, "f.ordered_on");
		both("orders.product", ID, ORDER_PRODUCT, "f.product_id");
		// live from timeline's view
		both("activities.lastContactAt", TIMESTAMP, LAST_CONTACT, "a.occurred_at");
		both("activities.channel", CHOICE, CHANNEL, "a.channel", CHANNELS);
	}

	private SegmentFields() {
	}

	/** The field of this name for the customer type, if a rule may name it there. */
	public static Optional<SegmentField> find(String name, String customerType) {
		if (name == null) {
			return Optional.empty();
		}
		if (name.startsWith(CUSTOM_PREFIX) && name.length() > CUSTOM_PREFIX.length()) {
			return Optional.of(new SegmentField(name, ValueType.CUSTOM, Source.CUSTOM, null, List.of(), true, true,
					name.substring(CUSTOM_PREFIX.length())));
		}
		if (name.startsWith(CONSENT_PREFIX) && "person".equals(customerType)) {
			var channel = name.substring(CONSENT_PREFIX.length());
			return Consents.CHANNELS.contains(channel)
					? Optional.of(new SegmentField(name, CHOICE, CONSENT, null, Consents.STATUSES, true, false, channel))
					: Optional.empty();
		}
		return Optional.ofNullable(FIELDS.get(name)).filter(f -> f.fits(customerType));
	}

	/** The fields of a customer type, in the order the editor offers them (consents of each channel included). */
	public static List<SegmentField> of(String customerType) {
		var all = new java.util.ArrayList<>(FIELDS.values().stream().filter(f -> f.fits(customerType)).toList());
		if ("person".equals(customerType)) {
			Consents.CHANNELS.forEach(c -> all.add(find(CONSENT_PREFIX + c, customerType).orElseThrow()));
		}
		return all;
	}

	private static void both(String name, ValueType type, Source source, String column) {
		add(name, type, source, column, List.of(), true, true);
	}

	private static void both(String name, ValueType type, Source source, String column, List<String> choices) {
		add(name, type, source, column, choices, true, true);
	}

	private static void person(String name, ValueType type, Source source, String column, List<String> choices) {
		add(name, type, source, column, choices, true, false);
	}

	private static void organization(String name, ValueType type, Source source, String column, List<String> choices) {
		add(name, type, source, column, choices, false, true);
	}

	private static void add(String name, ValueType type, Source source, String column, List<String> choices, boolean persons,
			boolean organizations) {
		FIELDS.put(name, new SegmentField(name, type, source, column, choices, persons, organizations, null));
	}
}
