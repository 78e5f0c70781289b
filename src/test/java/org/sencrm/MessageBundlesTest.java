package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.sencrm.directory.contactrole.ContactRole;
import org.sencrm.directory.customfield.CustomFieldDefinition;
import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.organization.OrganizationDraft;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.person.PersonDraft;
import org.sencrm.identity.Role;
import org.sencrm.sales.opportunity.Opportunity;
import org.sencrm.sales.opportunity.OpportunityContact;
import org.sencrm.sales.opportunity.OpportunityDraft;
import org.sencrm.sales.pipeline.Stage;

/**
 * Every word a user reads comes from the message bundles, in English and in Vietnamese: no text
 * written into a template, the same keys in both bundles, every key a page asks for present, and
 * a label for every choice a page shows.
 */
class MessageBundlesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	private static final Path JAVA = Path.of("src/main/java");
	/** Attributes people read (tooltips, placeholders, screen readers, confirmation questions). */
	private static final List<String> READ_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label", "data-confirm", "label");
	/** Thymeleaf attributes that replace an element's content, so whatever is written inside never shows. */
	private static final List<String> CONTENT_REPLACED = List.of("th:text", "th:utext", "th:replace", "th:insert");
	private static final Pattern LETTER = Pattern.compile("\\p{L}");
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
	private static final Pattern NOTICE = Pattern.compile("\"notice\", \"([^\"]+)\"");
	/** Values that are the same in both languages: names of languages, brands, codes, loanwords. */
	private static final Set<String> SAME_IN_BOTH = Set.of("app.name", "language.vi", "language.en", "field.email", "login.email",
			"consent.channel.email", "consent.channel.sms", "field.countryHint",
			"tax.rate.10", "tax.rate.8", "tax.rate.5", "tax.rate.0",
			// the refusal of a deletion is composed in the user's language before it reaches the bundle
			"trash.blocked");

	@Test
	void templatesShowNoTextOutsideTheMessageBundles() throws IOException {
		var problems = new ArrayList<String>();
		for (var template : templates()) {
			visibleText(Files.readString(template)).forEach(text -> problems.add(TEMPLATES.relativize(template) + ": " + text));
		}
		assertThat(problems).as("text written into templates instead of #{...} messages").isEmpty();
	}

	@Test
	void theTemplateCheckFindsWrittenInText() {
		var found = visibleText("""
				<div><h1>Customers</h1><p th:text="#{ok}">Replaced anyway</p><span>— 42 →</span>
				<input placeholder="Type a name"><input th:placeholder="#{ok}"><!--/* a comment is fine */-->
				<form data-confirm="Really?"></form><img alt=""></div>""");

		assertThat(found).containsExactly("Customers", "placeholder=\"Type a name\"", "data-confirm=\"Really?\"");
	}

	@Test
	void englishAndVietnameseHaveTheSameKeys() {
		var english = bundle("messages.properties");
		var vietnamese = bundle("messages_vi.properties");

		assertThat(new TreeSet<>(vietnamese.stringPropertyNames())).as("keys of messages_vi.properties")
				.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
	}

	@Test
	void vietnameseMessagesAreTranslated() {
		var english = bundle("messages.properties");
		var vietnamese = bundle("messages_vi.properties");

		var untranslated = english.stringPropertyNames().stream()
				.filter(key -> english.getProperty(key).equals(vietnamese.getProperty(key)) && !SAME_IN_BOTH.contains(key))
				.sorted().toList();
		assertThat(untranslated).as("messages_vi.properties still in English").isEmpty();
	}

	@Test
	void everyMessageThePagesAskForExists() throws IOException {
		var english = bundle("messages.properties");
		var missing = new TreeSet<String>();
		for (var template : templates()) {
			var matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!english.containsKey(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		try (var sources = Files.walk(JAVA)) {
			for (var source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				var matcher = NOTICE.matcher(Files.readString(source));
				while (matcher.find()) {
					if (!english.containsKey(matcher.group(1))) {
						missing.add(source.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyChoiceAPageShowsHasALabel() {
		var english = bundle("messages.properties");
		var keys = new ArrayList<String>();
		Map.of("person.status.", Person.STATUSES, "lifecycle.stage.", org.sencrm.directory.lifecycle.LifecycleStage.ALL,
				"organization.kind.", Organization.KINDS, "organization.relationship.", Organization.RELATIONSHIPS,
				"organization.size.", Organization.SIZES, "role.buying.", ContactRole.BUYING_ROLES,
				"customfields.type.", CustomFieldDefinition.TYPES, "consent.channel.", Consent.CHANNELS,
				"consent.status.", Consent.STATUSES, "field.consent.", Consent.CHANNELS)
				.forEach((prefix, values) -> values.forEach(value -> keys.add(prefix + value)));
		Map.of("quote.status.", org.sencrm.sales.quote.Quote.STATUSES, "order.status.", org.sencrm.sales.order.Order.STATUSES,
				"contract.status.", org.sencrm.sales.contract.Contract.STATUSES, "payment.method.",
				org.sencrm.sales.order.Payment.METHODS, "tax.rate.", org.sencrm.sales.pricing.TaxRate.VIETNAM)
				.forEach((prefix, values) -> values.forEach(value -> keys.add(prefix + value)));
		Arrays.stream(Role.values()).forEach(role -> keys.add("role." + role.key()));
		Stage.KINDS.forEach(kind -> keys.add("stage.kind." + kind));
		Opportunity.STATUSES.forEach(status -> keys.add("opportunity.status." + status));
		Opportunity.FORECAST_CATEGORIES.forEach(category -> keys.add("forecast.category." + category));
		OpportunityContact.BUYING_ROLES.forEach(role -> keys.add("role.buying." + role));
		// the opportunity page names the changed fields of its history by the draft's field names
		Arrays.stream(OpportunityDraft.class.getRecordComponents()).forEach(c -> keys.add("field." + c.getName()));
		keys.add("field.status");
		CustomFieldDefinition.ENTITIES.forEach(entity -> keys.add("entity." + entity));
		Stream.of("created", "updated", "deleted", "restored", "purged", "erased").forEach(action -> keys.add("history." + action));
		org.sencrm.directory.Consents.METHODS.forEach(method -> keys.add("consent.method." + method));
		Consent.CHANNELS.forEach(channel -> keys.add("field.consent." + channel + ".method"));
		// history lines name the changed fields by the names of the drafts' fields
		Stream.concat(Arrays.stream(PersonDraft.class.getRecordComponents()), Arrays.stream(OrganizationDraft.class.getRecordComponents()))
				.map(c -> c.getName()).filter(name -> !name.equals("consents") && !name.equals("customFields"))
				.forEach(name -> keys.add("field." + name));

		assertThat(keys.stream().filter(key -> !english.containsKey(key)).toList()).isEmpty();
	}

	/** Visible text and read attributes written straight into a template (not through a message). */
	static List<String> visibleText(String html) {
		var found = new ArrayList<String>();
		var document = Jsoup.parse(html);
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(org.jsoup.nodes.Node node, int depth) {
				if (node instanceof TextNode text && LETTER.matcher(text.text()).find() && !replaced(node.parent())) {
					found.add(text.text().strip());
				}
				if (node instanceof Element element && !element.nameIs("script") && !element.nameIs("style")) {
					for (var attribute : READ_ATTRIBUTES) {
						var value = element.attr(attribute);
						if (LETTER.matcher(value).find()) {
							found.add(attribute + "=\"" + value + "\"");
						}
					}
				}
			}
		}, document);
		return found;
	}

	private static boolean replaced(org.jsoup.nodes.Node node) {
		for (var current = node; current instanceof Element element; current = current.parent()) {
			if (element.nameIs("script") || element.nameIs("style") || CONTENT_REPLACED.stream().anyMatch(element::hasAttr)) {
				return true;
			}
		}
		return false;
	}

	private static List<Path> templates() throws IOException {
		try (var files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties bundle(String name) {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return properties;
	}
}
