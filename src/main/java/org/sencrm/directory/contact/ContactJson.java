package org.sencrm.directory.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the jsonb columns of contact details and custom fields. A reader per type is
 * made once (finding the type's deserializer on every read was a fifth of reading a person), and
 * the empty values most records hold are not parsed at all.
 */
@Component
public class ContactJson {

	private final JsonMapper json;
	private final ObjectReader emails;
	private final ObjectReader phones;
	private final ObjectReader addresses;
	private final ObjectReader map;

	ContactJson(JsonMapper json) {
		this.json = json;
		this.emails = json.readerFor(new TypeReference<List<EmailAddress>>() {
		});
		this.phones = json.readerFor(new TypeReference<List<PhoneNumber>>() {
		});
		this.addresses = json.readerFor(new TypeReference<List<Address>>() {
		});
		this.map = json.readerFor(new TypeReference<Map<String, Object>>() {
		});
	}

	public String write(Object value) {
		return json.writeValueAsString(value);
	}

	public List<EmailAddress> emails(String text) {
		return "[]".equals(text) ? new ArrayList<>() : emails.readValue(text);
	}

	public List<PhoneNumber> phones(String text) {
		return "[]".equals(text) ? new ArrayList<>() : phones.readValue(text);
	}

	public List<Address> addresses(String text) {
		return "[]".equals(text) ? new ArrayList<>() : addresses.readValue(text);
	}

	public Map<String, Object> map(String text) {
		return "{}".equals(text) ? new LinkedHashMap<>() : map.readValue(text);
	}

	public <T> T read(String text, TypeReference<T> type) {
		return json.readValue(text, type);
	}
}
