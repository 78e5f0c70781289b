package org.sencrm.analytics.segment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sencrm.analytics.segment.Rule.Condition;
import org.sencrm.platform.SearchText;

/**
 * Compiles a checked rule to one SQL condition over a customer row aliased {@code r}, with every
 * value bound under a name starting with the prefix ({@code :ws} is the workspace). Fields of the
 * row are compared in place; values, orders and contacts through {@code r.id in (select …)} over
 * {@code customer_values}, {@code order_facts}, {@code order_line_facts} and {@code activity_facts},
 * which PostgreSQL runs as one hashed semi-join per condition, not a subquery per customer.
 *
 * <p>{@code ne} and {@code not} hold where the condition does not ("is not true"): a customer
 * without a value is not equal to one. A day given for an instant means that day in UTC.
 */
public final class RuleSql {

	/** A condition and the values it binds. */
	public record Compiled(String sql, Map<String, Object> params) {
	}

	private final String customerType;
	private final String prefix;
	private final Clock clock;
	private final Map<String, Object> params = new HashMap<>();
	private int counter;

	private RuleSql(String customerType, String prefix, Clock clock) {
		this.customerType = customerType;
		this.prefix = prefix;
		this.clock = clock;
	}

	/** The rule as a condition over {@code r}, a row of {@code persons} or {@code organizations} as {@code customerType} says. */
	public static Compiled compile(Rule rule, String customerType, String prefix, Clock clock) {
		var sql = new RuleSql(customerType, prefix, clock);
		return new Compiled(sql.rule(rule), Map.copyOf(sql.params));
	}

	private String rule(Rule rule) {
		return switch (rule) {
			case Rule.All all -> all.rules().isEmpty() ? "true"
					: all.rules().stream().map(this::rule).collect(Collectors.joining(" and ", "(", ")"));
			case Rule.Any any -> any.rules().isEmpty() ? "false"
					: any.rules().stream().map(this::rule).collect(Collectors.joining(" or ", "(", ")"));
			case Rule.Not not -> negated(rule(not.rule()));
			case Condition condition -> condition(condition);
		};
	}

	private static String negated(String condition) {
		return "((" + condition + ") is not true)";
	}

	private String condition(Condition c) {
		if (c.op() == Op.NE) {
			return negated(condition(new Condition(c.field(), Op.EQ, c.values())));
		}
		var exists = c.op() == Op.EXISTS;
		if (exists && !((Boolean) c.value())) {
			return negated(condition(new Condition(c.field(), Op.EXISTS, List.of(Boolean.TRUE))));
		}
		var field = c.field();
		var key = "person".equals(customerType) ? "person_id" : "organization_id";
		return switch (field.source()) {
			case COLUMN -> exists ? field.column() + " is not null" : predicate(field.column(), c);
			case JSON_LIST -> {
				var parts = field.column().split(":");
				yield exists ? "r." + parts[0] + " <> '[]'::jsonb"
						: "exists (select 1 from jsonb_array_elements(r." + parts[0] + ") x where " + predicate("(x ->> '" + parts[1] + "')", c)
								+ ")";
			}
			case TAGS -> {
				var links = "person".equals(customerType) ? "person_tags" : "organization_tags";
				yield exists ? "r.id in (select l." + key + " from " + links + " l where l.workspace_id = :ws)"
						: "r.id in (select l." + key + " from " + links + " l join tags t on t.id = l.tag_id where l.workspace_id = :ws and "
								+ predicate("t.name", c) + ")";
			}
			case CUSTOM -> custom(c);
			case CONSENT -> {
				var channel = bind(field.key());
				yield exists ? "(r.consents -> :" + channel + ") is not null"
						: predicate("(r.consents -> :" + channel + " ->> 'status')", c);
			}
			case VALUES -> "r.id in (select cv.customer_id from customer_values cv where cv.workspace_id = :ws and cv.customer_type = :"
					+ bind(customerType) + " and " + (exists ? field.column() + " is not null" : predicate(field.column(), c)) + ")";
			case ORDER -> "r.id in (select f." + key + " from order_facts f where f.workspace_id = :ws and f." + key + " is not null"
					+ (exists ? "" : " and " + predicate(field.column(), c)) + ")";
			case ORDER_PRODUCT -> "r.id in (select f." + key + " from order_line_facts f where f.workspace_id = :ws and f." + key
					+ " is not null" + (exists ? "" : " and " + predicate(field.column(), c)) + ")";
			case ORDER_COUNT -> {
				if (exists) {
					yield "r.id in (select f." + key + " from order_facts f where f.workspace_id = :ws and f." + key + " is not null)";
				}
				// customers without orders have no group: when 0 orders satisfies the condition, keep all but those that fail it
				var groups = "select f." + key + " from order_facts f where f.workspace_id = :ws and f." + key + " is not null group by f."
						+ key + " having ";
				var having = predicate("count(*)", c);
				yield holdsForZero(c) ? "r.id not in (" + groups + negated(having) + ")" : "r.id in (" + groups + having + ")";
			}
			case LAST_CONTACT -> "r.id in (select a." + key + " from activity_facts a where a.workspace_id = :ws and a." + key
					+ " is not null" + (exists ? ")" : " group by a." + key + " having " + predicate("max(a.occurred_at)", c) + ")");
			case CHANNEL -> "r.id in (select a." + key + " from activity_facts a where a.workspace_id = :ws and a." + key + " is not null"
					+ (exists ? "" : " and " + predicate(field.column(), c)) + ")";
		};
	}

	/** A custom field: text compared without case (or one value of a multi-choice field), numbers as numbers. */
	private String custom(Condition c) {
		var key = bind(c.field().key());
		var json = "(r.custom_fields -> :" + key + ")";
		var text = "(r.custom_fields ->> :" + key + ")";
		if (c.op() == Op.EXISTS) {
			return json + " is not null and " + json + " <> 'null'::jsonb";
		}
		var numeric = c.values().stream().allMatch(v -> v instanceof BigDecimal);
		var ordered = switch (c.op()) {
			case GT, GTE, LT, LTE, BETWEEN -> true;
			default -> false;
		};
		if (numeric && (ordered || c.op() == Op.EQ)) {
			var number = "(case when " + text + " ~ '^-?[0-9]+([.][0-9]+)?$' then cast(" + text + " as numeric) end)";
			return predicate(number, c, ValueType.NUMBER);
		}
		if (ordered) {
			return predicate(text, c, ValueType.CUSTOM);
		}
		var words = new Condition(c.field(), c.op(), c.values().stream().map(RuleSql::plain).map(Object.class::cast).toList());
		var choice = "exists (select 1 from jsonb_array_elements_text(case when jsonb_typeof(" + json + ") = 'array' then " + json
				+ " else '[]'::jsonb end) e where " + predicate("e", words, ValueType.TEXT) + ")";
		return "(" + predicate(text, words, ValueType.TEXT) + " or " + choice + ")";
	}

	private static String plain(Object value) {
		return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
	}

	private String predicate(String expr, Condition c) {
		return predicate(expr, c, c.field().type());
	}

	private String predicate(String expr, Condition c, ValueType type) {
		var textual = type == ValueType.TEXT || type == ValueType.TAGS || type == ValueType.CUSTOM;
		// the name is compared folded (no accents or case), as the search box does
		var folded = "name".equals(c.field().name());
		var compared = textual && !folded ? "lower(" + expr + ")" : expr;
		return switch (c.op()) {
			case EQ -> c.value() instanceof LocalDate day && type == ValueType.TIMESTAMP
					? "(" + expr + " >= :" + bind(start(day)) + " and " + expr + " < :" + bind(start(day.plusDays(1))) + ")"
					: compared + " = :" + bind(type == ValueType.TIMESTAMP ? value(c.value(), type) : text(c.value(), textual, folded));
			case IN -> compared + " in (:" + bind(c.values().stream().map(v -> text(v, textual, folded)).toList()) + ")";
			case CONTAINS -> compared + " like :" + bind("%" + SearchText.escapeLike((String) text(c.value(), true, folded)) + "%");
			case GT -> expr + " " + (day(c.value(), type) ? ">= :" + bind(start(((LocalDate) c.value()).plusDays(1)))
					: "> :" + bind(value(c.value(), type)));
			case GTE -> expr + " >= :" + bind(value(c.value(), type));
			case LT -> expr + " < :" + bind(value(c.value(), type));
			case LTE -> expr + " " + (day(c.value(), type) ? "< :" + bind(start(((LocalDate) c.value()).plusDays(1)))
					: "<= :" + bind(value(c.value(), type)));
			case BETWEEN -> "(" + expr + " >= :" + bind(value(c.values().get(0), type)) + " and " + expr + " "
					+ (day(c.values().get(1), type) ? "< :" + bind(start(((LocalDate) c.values().get(1)).plusDays(1)))
							: "<= :" + bind(value(c.values().get(1), type))) + ")";
			case WITHIN_LAST_DAYS -> {
				var days = (Integer) c.value();
				yield expr + " >= :" + bind(type == ValueType.DATE ? (Object) LocalDate.now(clock).minusDays(days)
						: Timestamp.from(Instant.now(clock).minus(days, ChronoUnit.DAYS)));
			}
			case NE, EXISTS -> throw new IllegalStateException("handled by condition: " + c.op());
		};
	}

	private static boolean day(Object value, ValueType type) {
		return type == ValueType.TIMESTAMP && value instanceof LocalDate;
	}

	/** A value as the column compares it: a day given for an instant is the start of that day. */
	private static Object value(Object value, ValueType type) {
		if (type == ValueType.TIMESTAMP) {
			return value instanceof LocalDate day ? start(day) : Timestamp.from((Instant) value);
		}
		return value;
	}

	private static Object text(Object value, boolean textual, boolean folded) {
		if (folded) {
			return SearchText.fold(value.toString());
		}
		return textual ? plain(value).toLowerCase(Locale.ROOT) : value;
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	/** Whether a customer with no orders satisfies a condition on the number of orders. */
	private static boolean holdsForZero(Condition c) {
		var zero = BigDecimal.ZERO;
		java.util.function.Function<Object, Integer> cmp = v -> zero.compareTo((BigDecimal) v);
		return switch (c.op()) {
			case EQ -> cmp.apply(c.value()) == 0;
			case IN -> c.values().stream().anyMatch(v -> cmp.apply(v) == 0);
			case GT -> cmp.apply(c.value()) > 0;
			case GTE -> cmp.apply(c.value()) >= 0;
			case LT -> cmp.apply(c.value()) < 0;
			case LTE -> cmp.apply(c.value()) <= 0;
			case BETWEEN -> cmp.apply(c.values().get(0)) >= 0 && cmp.apply(c.values().get(1)) <= 0;
			default -> false;
		};
	}

	private String bind(Object value) {
		var name = prefix + (counter++);
		params.put(name, value);
		return name;
	}
}
