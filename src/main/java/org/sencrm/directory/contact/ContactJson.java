package org.sencrm.directory.contact;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the jsonb columns of contact details and custom fields. */
@Component
public class ContactJson {

	private final JsonMapper json;

	ContactJson(JsonMapper json) {
		this.json = json;
	}

	public String write(Object value) {
		return json.writeValueAsString(value);
	}

	public List<EmailAddress> emails(String text) {
		return json.readValue(text, new TypeReference<List<EmailAddress>>() {
		});
	}

	public List<PhoneNumber> phones(String text) {
		return json.readValue(text, new TypeReference<List<PhoneNumber>>() {
		});
	}

	public List<Address> addresses(String text) {
		return json.readValue(text, new TypeReference<List<Address>>() {
		});
	}

	public Map<String, Object> map(String text) {
		return json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}

	public <T> T read(String text, TypeReference<T> type) {
		return json.readValue(text, type);
	}
}
