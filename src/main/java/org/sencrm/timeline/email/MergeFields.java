package org.sencrm.timeline.email;

import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import org.sencrm.directory.Customers;
import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.ValidationException;

/**
 * Renders user templates with Mustache (logic-less; never the page template engine). Every
 * merge field exists, empty when unknown for this customer; a misspelt field is an error that
 * names the field, so nobody sends "Dear {{person.giveName}}".
 */
final class MergeFields {

	private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).nullValue("");
	private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).nullValue("");

	private MergeFields() {
	}

	static Map<String, Object> of(Customers.PersonContact person, CurrentUser user) {
		var personFields = new HashMap<String, Object>();
		personFields.put("fullName", person.fullName());
		personFields.put("familyName", person.familyName());
		personFields.put("middleName", person.middleName());
		personFields.put("givenName", person.givenName());
		personFields.put("email", person.email());
		personFields.put("phone", person.phone());
		var organization = new HashMap<String, Object>();
		organization.put("name", person.organizationName());
		var sender = new HashMap<String, Object>();
		sender.put("name", user.displayName());
		sender.put("email", user.email());
		return Map.of("person", personFields, "organization", organization, "user", sender);
	}

	static String subject(String template, Map<String, Object> fields) {
		return render(TEXT, template, fields, "subject");
	}

	static String body(String template, Map<String, Object> fields) {
		return render(HTML, template, fields, "body");
	}

	/** Checks a template compiles, without data; problems name the field. */
	static void check(String template, String field, ValidationException.Collector problems) {
		try {
			TEXT.compile(template == null ? "" : template);
		} catch (MustacheException e) {
			problems.add(field, "validation.template", e.getMessage());
		}
	}

	private static String render(Mustache.Compiler compiler, String template, Map<String, Object> fields, String field) {
		try {
			return compiler.compile(template == null ? "" : template).execute(fields);
		} catch (MustacheException e) {
			throw new ValidationException(java.util.List.of(new ValidationException.FieldProblem(field, "validation.template",
					e.getMessage())));
		}
	}
}
