package org.sencrm.analytics.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sencrm.platform.ValidationException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule from its JSON, checking every part: a group is {@code {"all":[…]}},
 * {@code {"any":[…]}} or {@code {"not":{…}}}; a condition {@code {"field","op","value"}} names a
 * field of the customer type, an op that fits the field, and a value of the field's type. Every
 * problem is collected with the path to it ({@code rule.all[1].op}) and thrown together (422).
 */
public final class RuleParser {

	static final int MAX_DEPTH = 8;
	static final int MAX_CONDITIONS = 100;

	private final String customerType;
	private final ValidationException.Collector problems = new ValidationException.Collector();
	private int conditions;

	private RuleParser(String customerType) {
		this.customerType = customerType;
	}

	/** The checked rule for customers of {@code customerType} ({@code person}, {@code organization}); 422 naming every problem. */
	public static Rule parse(JsonNode json, String customerType) {
		var parser = new RuleParser(customerType);
		var rule = parser.rule(json, "rule", 0);
		parser.problems.throwIfAny();
		return rule;
	}

	private Rule rule(JsonNode node, String path, int depth) {
		if (node == null || !node.isObject()) {
			problems.add(path, "segment.rule.group");
			return null;
		}
		if (depth > MAX_DEPTH) {
			problems.add(path, "segment.rule.too-deep", MAX_DEPTH);
			return null;
		}
		var names = new ArrayList<String>(node.propertyNames());
		if (names.size() == 1 && (names.contains("all") || names.contains("any"))) {
			var key = names.getFirst();
			var list = node.get(key);
			if (!list.isArray()) {
				problems.add(path + "." + key, "segment.rule.group");
				return null;
			}
			var rules = new ArrayList<Rule>();
			for (int i = 0; i < list.size(); i++) {
				rules.add(rule(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
			}
			return key.equals("all") ? new Rule.All(rules) : new Rule.Any(rules);
		}
		if (names.size() == 1 && names.contains("not")) {
			return new Rule.Not(rule(node.get("not"), path + ".not", depth + 1));
		}
		if (names.contains("field") || names.contains("op")) {
			return condition(node, path, names);
		}
		problems.add(path, "segment.rule.group");
		return null;
	}

	private Rule condition(JsonNode node, String path, List<String> names) {
		if (++conditions > MAX_CONDITIONS) {
			if (conditions == MAX_CONDITIONS + 1) {
				problems.add(path, "segment.rule.too-many", MAX_CONDITIONS);
			}
			return null;
		}
		names.stream().filter(n -> !List.of("field", "op", "value").contains(n))
				.forEach(n -> problems.add(path + "." + n, "validation.unknown-field"));
		var fieldName = text(node.get("field"));
		var field = SegmentFields.find(fieldName, customerType);
		if (field.isEmpty()) {
			problems.add(path + ".field", "segment.rule.unknown-field", fieldName == null ? "" : fieldName);
		}
		var opName = text(node.get("op"));
		var op = Op.of(opName);
		if (op.isEmpty()) {
			problems.add(path + ".op", "segment.rule.unknown-op", opName == null ? "" : opName);
		}
		if (field.isEmpty() || op.isEmpty()) {
			return null;
		}
		if (!field.get().type().ops().contains(op.get())) {
			problems.add(path + ".op", "segment.rule.op-unfit", op.get().key(), field.get().name());
			return null;
		}
		var values = values(field.get(), op.get(), node.get("value"), path + ".value");
		return values == null ? null : new Rule.Condition(field.get(), op.get(), values);
	}

	private List<Object> values(SegmentField field, Op op, JsonNode value, String path) {
		switch (op) {
			case EXISTS -> {
				if (value == null || value.isNull()) {
					return List.of(Boolean.TRUE);
				}
				if (!value.isBoolean()) {
					problems.add(path, "segment.rule.value.boolean");
					return null;
				}
				return List.of(value.booleanValue());
			}
			case WITHIN_LAST_DAYS -> {
				if (value == null || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 36500) {
					problems.add(path, "segment.rule.value.days");
					return null;
				}
				return List.of(value.asInt());
			}
			case IN -> {
				if (value == null || !value.isArray() || value.isEmpty() || value.size() > 1000) {
					problems.add(path, "segment.rule.value.list");
					return null;
				}
				var list = new ArrayList<>();
				for (int i = 0; i < value.size(); i++) {
					list.add(one(field, value.get(i), path + "[" + i + "]"));
				}
				return list.contains(null) ? null : list;
			}
			case BETWEEN -> {
				if (value == null || !value.isArray() || value.size() != 2) {
					problems.add(path, "segment.rule.value.range");
					return null;
				}
				var from = one(field, value.get(0), path + "[0]");
				var to = one(field, value.get(1), path + "[1]");
				return from == null || to == null ? null : List.of(from, to);
			}
			default -> {
				var one = one(field, value, path);
				return one == null ? null : List.of(one);
			}
		}
	}

	/** One value of the field's type, or null after adding the problem. */
	private Object one(SegmentField field, JsonNode value, String path) {
		try {
			switch (field.type()) {
				case NUMBER -> {
					if (value != null && value.isNumber()) {
						return value.decimalValue();
					}
					if (value != null && value.isString()) {
						return new BigDecimal(value.asString().strip());
					}
					problems.add(path, "segment.rule.value.number");
					return null;
				}
				case DATE -> {
					return LocalDate.parse(requiredText(value));
				}
				case TIMESTAMP -> {
					var text = requiredText(value);
					return text.length() == 10 ? LocalDate.parse(text) : Instant.parse(text);
				}
				case ID -> {
					return UUID.fromString(requiredText(value));
				}
				case CHOICE -> {
					var text = text(value);
					if (text == null || (!field.choices().isEmpty() && !field.choices().contains(text))) {
						problems.add(path, "segment.rule.value.choice", String.join(", ", field.choices()));
						return null;
					}
					return text;
				}
				case CUSTOM -> {
					if (value != null && value.isNumber()) {
						return value.decimalValue();
					}
					return requiredText(value);
				}
				default -> {
					return requiredText(value);
				}
			}
		} catch (DateTimeParseException e) {
			problems.add(path, "segment.rule.value.date");
		} catch (IllegalArgumentException e) {
			problems.add(path, switch (field.type()) {
				case ID -> "segment.rule.value.id";
				case NUMBER -> "segment.rule.value.number";
				case DATE, TIMESTAMP -> "segment.rule.value.date";
				default -> "segment.rule.value.text";
			});
		}
		return null;
	}

	private static String requiredText(JsonNode value) {
		var text = text(value);
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text");
		}
		return text;
	}

	private static String text(JsonNode value) {
		return value != null && value.isString() ? value.asString() : null;
	}
}
