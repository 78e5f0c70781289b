package org.sencrm.analytics.segment;

import java.util.List;

/**
 * A field a rule may name, as the API names it, what it holds and where it is read from. The
 * {@code column} is SQL written here in code (never from input); {@code %s} in it stands for the
 * customer's key column in the source ({@code person_id} or {@code organization_id}).
 *
 * @param choices the values a {@link ValueType#CHOICE} field may take (empty: any)
 * @param key     the custom field's key or the consent's channel; bound as a value, never pasted
 */
public record SegmentField(String name, ValueType type, Source source, String column, List<String> choices, boolean persons,
		boolean organizations, String key) {

	/** Where a field's value lives. */
	public enum Source {
		/** A column (or expression) of the customer's own row {@code r}. */
		COLUMN,
		/** Elements of a JSON array on the row ({@code emails}, {@code phones}, {@code addresses}): any element matches. */
		JSON_LIST,
		TAGS,
		CUSTOM,
		CONSENT,
		/** A column of {@code customer_values}, the value rebuild's read model. */
		VALUES,
		/** A column of one order in {@code order_facts}: the customer has an order that matches. */
		ORDER,
		/** How many orders in {@code order_facts}. */
		ORDER_COUNT,
		/** A product of an order line in {@code order_line_facts}: the customer bought it. */
		ORDER_PRODUCT,
		/** The newest activity in {@code activity_facts}. */
		LAST_CONTACT,
		/** An activity's channel in {@code activity_facts}: the customer was contacted on it. */
		CHANNEL
	}

	SegmentField with(String fullName, String fieldKey) {
		return new SegmentField(fullName, type, source, column, choices, persons, organizations, fieldKey);
	}

	public boolean fits(String customerType) {
		return "person".equals(customerType) ? persons : organizations;
	}
}
