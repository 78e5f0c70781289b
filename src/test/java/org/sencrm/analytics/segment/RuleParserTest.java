package org.sencrm.analytics.segment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sencrm.platform.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a segment's rule: groups, every op with the values it takes, and the 422 problems with their paths. */
class RuleParserTest {

	private static final JsonMapper json = JsonMapper.builder().build();
	private static final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

	private static JsonNode rule(String text) {
		return json.readTree(text.replace('\'', '"'));
	}

	private static Rule parse(String text) {
		return RuleParser.parse(rule(text), "person");
	}

	private static List<String> problems(String text, String type) {
		try {
			RuleParser.parse(rule(text), type);
		} catch (ValidationException e) {
			return e.problems().stream().map(p -> p.field() + " " + p.code()).toList();
		}
		throw new AssertionError("no problem with " + text);
	}

	@Test
	void readsNestedGroupsAndNot() {
		var rule = parse("{'all':[{'field':'valueTier','op':'eq','value':'A'},"
				+ "{'any':[{'field':'tags','op':'contains','value':'vip'},{'not':{'field':'predicted.probabilityAlive','op':'gte','value':0.5}}]}]}");
		assertThat(rule).isInstanceOf(Rule.All.class);
		var all = (Rule.All) rule;
		assertThat(all.rules()).hasSize(2);
		var any = (Rule.Any) all.rules().get(1);
		var not = (Rule.Not) any.rules().get(1);
		var condition = (Rule.Condition) not.rule();
		assertThat(condition.field().name()).isEqualTo("predicted.probabilityAlive");
		assertThat(condition.op()).isEqualTo(Op.GTE);
		assertThat(condition.values()).containsExactly(new BigDecimal("0.5"));
	}

	@Test
	void readsEveryOpWithTheValueItTakes() {
		assertThat(one("{'field':'lifecycleStage','op':'eq','value':'loyal'}").values()).containsExactly("loyal");
		assertThat(one("{'field':'lifecycleStage','op':'ne','value':'loyal'}").op()).isEqualTo(Op.NE);
		assertThat(one("{'field':'lifecycleStage','op':'in','value':['loyal','at_risk']}").values()).containsExactly("loyal", "at_risk");
		assertThat(one("{'field':'name','op':'contains','value':'van'}").values()).containsExactly("van");
		assertThat(one("{'field':'historic.revenue','op':'gt','value':1000}").values()).containsExactly(new BigDecimal("1000"));
		assertThat(one("{'field':'historic.revenue','op':'gte','value':'1000.5'}").values()).containsExactly(new BigDecimal("1000.5"));
		assertThat(one("{'field':'rfm.recency','op':'lt','value':3}").op()).isEqualTo(Op.LT);
		assertThat(one("{'field':'rfm.recency','op':'lte','value':3}").op()).isEqualTo(Op.LTE);
		assertThat(one("{'field':'lastOrderAt','op':'between','value':['2026-01-01','2026-06-30']}").values())
				.containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"));
		assertThat(one("{'field':'email','op':'exists'}").values()).containsExactly(true);
		assertThat(one("{'field':'email','op':'exists','value':false}").values()).containsExactly(false);
		assertThat(one("{'field':'activities.lastContactAt','op':'withinLastDays','value':30}").values()).containsExactly(30);
		assertThat(one("{'field':'createdAt','op':'gte','value':'2026-12-01T08:00:00Z'}").values())
				.containsExactly(Instant.parse("2026-12-01T08:00:00Z"));
		var owner = UUID.randomUUID();
		assertThat(one("{'field':'ownerId','op':'eq','value':'" + owner + "'}").values()).containsExactly(owner);
		assertThat(one("{'field':'customFields.size','op':'eq','value':'L'}").field().key()).isEqualTo("size");
		assertThat(one("{'field':'consents.email','op':'eq','value':'granted'}").field().key()).isEqualTo("email");
	}

	@Test
	void namesAnUnknownFieldOrOpWithItsPath() {
		assertThat(problems("{'all':[{'field':'valueTier','op':'eq','value':'A'},{'field':'shoeSize','op':'eq','value':'42'}]}", "person"))
				.containsExactly("rule.all[1].field segment.rule.unknown-field");
		assertThat(problems("{'any':[{'not':{'field':'valueTier','op':'like','value':'A'}}]}", "person"))
				.containsExactly("rule.any[0].not.op segment.rule.unknown-op");
	}

	@Test
	void refusesAnOpThatDoesNotFitTheField() {
		assertThat(problems("{'field':'valueTier','op':'gt','value':'A'}", "person")).containsExactly("rule.op segment.rule.op-unfit");
		assertThat(problems("{'field':'name','op':'withinLastDays','value':3}", "person")).containsExactly("rule.op segment.rule.op-unfit");
		assertThat(problems("{'field':'lastOrderAt','op':'contains','value':'2026'}", "person"))
				.containsExactly("rule.op segment.rule.op-unfit");
	}

	@Test
	void refusesValuesThatDoNotFit() {
		assertThat(problems("{'field':'valueTier','op':'eq','value':'Z'}", "person")).containsExactly("rule.value segment.rule.value.choice");
		assertThat(problems("{'field':'historic.revenue','op':'gt','value':'lots'}", "person"))
				.containsExactly("rule.value segment.rule.value.number");
		assertThat(problems("{'field':'lastOrderAt','op':'gt','value':'03/12/2026'}", "person"))
				.containsExactly("rule.value segment.rule.value.date");
		assertThat(problems("{'field':'lastOrderAt','op':'between','value':['2026-01-01']}", "person"))
				.containsExactly("rule.value segment.rule.value.range");
		assertThat(problems("{'field':'valueTier','op':'in','value':[]}", "person")).containsExactly("rule.value segment.rule.value.list");
		assertThat(problems("{'field':'valueTier','op':'in','value':['A','Q']}", "person"))
				.containsExactly("rule.value[1] segment.rule.value.choice");
		assertThat(problems("{'field':'lastOrderAt','op':'withinLastDays','value':0}", "person"))
				.containsExactly("rule.value segment.rule.value.days");
		assertThat(problems("{'field':'email','op':'exists','value':'yes'}", "person")).containsExactly("rule.value segment.rule.value.boolean");
		assertThat(problems("{'field':'ownerId','op':'eq','value':'me'}", "person")).containsExactly("rule.value segment.rule.value.id");
	}

	@Test
	void refusesWhatIsNeitherAGroupNorACondition() {
		assertThat(problems("{'every':[]}", "person")).containsExactly("rule segment.rule.group");
		assertThat(problems("{'all':{'field':'name'}}", "person")).containsExactly("rule.all segment.rule.group");
		assertThat(problems("[1,2]", "person")).containsExactly("rule segment.rule.group");
		assertThat(problems("{'field':'name','op':'eq','value':'a','extra':1}", "person")).containsExactly("rule.extra validation.unknown-field");
	}

	@Test
	void fieldsBelongToTheirCustomerType() {
		assertThat(problems("{'field':'kind','op':'eq','value':'government'}", "person")).containsExactly("rule.field segment.rule.unknown-field");
		assertThat(problems("{'field':'consents.email','op':'eq','value':'granted'}", "organization"))
				.containsExactly("rule.field segment.rule.unknown-field");
		assertThat(RuleParser.parse(rule("{'field':'kind','op':'eq','value':'government'}"), "organization")).isNotNull();
	}

	@Test
	void collectsEveryProblemAtOnce() {
		assertThat(problems("{'all':[{'field':'x','op':'eq','value':1},{'field':'valueTier','op':'zz','value':1}]}", "person"))
				.containsExactly("rule.all[0].field segment.rule.unknown-field", "rule.all[1].op segment.rule.unknown-op");
	}

	@Test
	void compilesValuesAsBoundParametersNeverIntoTheText() {
		var sneaky = "x'); drop table persons; --";
		var compiled = RuleSql.compile(parse("{'any':[{'field':'name','op':'contains','value':\"" + sneaky.replace("'", "\\u0027")
				+ "\"},{'field':'customFields.a\\u0027b','op':'eq','value':'v'}]}"), "person", "p", clock);
		assertThat(compiled.sql()).doesNotContain("drop table").doesNotContain("a'b");
		assertThat(compiled.params().values()).anySatisfy(v -> assertThat(String.valueOf(v)).contains("drop table"));
		assertThat(compiled.params().values()).contains("a'b");
	}

	@Test
	void noOrdersCountsForConditionsThatZeroSatisfies() {
		var fewer = RuleSql.compile(parse("{'field':'orders.count','op':'lt','value':2}"), "person", "p", clock);
		assertThat(fewer.sql()).startsWith("r.id not in");
		var more = RuleSql.compile(parse("{'field':'orders.count','op':'gte','value':2}"), "person", "p", clock);
		assertThat(more.sql()).startsWith("r.id in");
	}

	private static Rule.Condition one(String text) {
		return (Rule.Condition) parse(text);
	}
}
