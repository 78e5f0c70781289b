package org.sencrm.sales.lead;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/web-forms}: the workspace's web forms, with the public address and the HTML snippet of each. */
@RestController
@RequestMapping("/api/v1/web-forms")
class WebFormApi {

	private static final List<String> READ_ONLY = List.of("id", "key", "createdAt", "updatedAt", "version", "submitUrl", "snippet");

	private final WebForms forms;
	private final WebFormSnippet snippets;
	private final RequestBodies bodies;

	WebFormApi(WebForms forms, WebFormSnippet snippets, RequestBodies bodies) {
		this.forms = forms;
		this.snippets = snippets;
		this.bodies = bodies;
	}

	@GetMapping
	Map<String, List<Map<String, Object>>> list() {
		return Map.of("items", forms.all().stream().map(this::json).toList());
	}

	@PostMapping
	@ApiBody(value = WebFormDraft.class, required = "name")
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		var form = forms.create(bodies.read(body, WebFormDraft.class, READ_ONLY));
		return ResponseEntity.created(URI.create("/api/v1/web-forms/" + form.id())).eTag(ETags.of(form.version())).body(json(form));
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
		var form = forms.get(Ids.parse(id, "entity.web-form"));
		return ResponseEntity.ok().eTag(ETags.of(form.version())).body(json(form));
	}

	@PutMapping("/{id}")
	@ApiBody(value = WebFormDraft.class, required = "name")
	ResponseEntity<Map<String, Object>> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var formId = Ids.parse(id, "entity.web-form");
		var expected = ETags.version(ifMatch);
		var form = forms.update(formId, bodies.read(body, WebFormDraft.class, READ_ONLY),
				expected == null ? forms.get(formId).version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(form.version())).body(json(form));
	}

	@PostMapping("/{id}/new-key")
	Map<String, Object> newKey(@PathVariable String id) {
		return json(forms.newKey(Ids.parse(id, "entity.web-form")));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		forms.delete(Ids.parse(id, "entity.web-form"));
		return ResponseEntity.noContent().build();
	}

	private Map<String, Object> json(WebForm form) {
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		var json = new java.util.LinkedHashMap<String, Object>();
		json.put("id", form.id());
		json.put("name", form.name());
		json.put("key", form.key());
		json.put("fields", form.fields());
		json.put("consentText", form.consentText());
		json.put("consentChannels", form.consentChannels());
		json.put("consentRequired", form.consentRequired());
		json.put("doubleOptIn", form.doubleOptIn());
		json.put("thankYou", form.thankYou());
		json.put("redirectUrl", form.redirectUrl());
		json.put("defaultSource", form.defaultSource());
		json.put("defaultCampaign", form.defaultCampaign());
		json.put("allowedOrigins", form.allowedOrigins());
		json.put("language", form.language());
		json.put("active", form.active());
		json.put("createdAt", form.createdAt());
		json.put("updatedAt", form.updatedAt());
		json.put("version", form.version());
		json.put("submitUrl", snippets.submitUrl(base, form));
		json.put("snippet", snippets.html(base, form));
		json.values().removeIf(v -> v == null);
		return json;
	}
}
