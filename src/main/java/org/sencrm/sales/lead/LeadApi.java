package org.sencrm.sales.lead;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.ApiBody;
import org.sencrm.platform.web.ETags;
import org.sencrm.platform.web.RequestBodies;
import org.sencrm.timeline.RecordTimeline;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/leads}: JSON, ETag on reads, If-Match on changes, cursor pagination; qualification and conversion. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadApi {

	record LeadJson(UUID id, String status, String displayName, String familyName, String givenName, String email, String phone,
			String companyName, String taxCode, String jobTitle, String province, String message, String source, String campaign,
			Map<String, LeadConsent> consents, String consentText, UUID webFormId, UUID ownerId, UUID ownerTeamId, int score,
			String disqualifyReason, UUID linkedPersonId, UUID linkedOrganizationId, UUID convertedPersonId,
			UUID convertedOrganizationId, UUID convertedOpportunityId, Instant convertedAt, int activityCount,
			Instant lastActivityAt, int possibleDuplicates, Instant createdAt, Instant updatedAt, int version) {

		static final List<String> READ_ONLY = List.of("id", "displayName", "consentText", "webFormId", "score", "disqualifyReason",
				"linkedPersonId", "linkedOrganizationId", "convertedPersonId", "convertedOrganizationId", "convertedOpportunityId",
				"convertedAt", "activityCount", "lastActivityAt", "possibleDuplicates", "createdAt", "updatedAt", "version");

		static LeadJson of(Lead l, NameOrder unrecognised) {
			return new LeadJson(l.id(), l.status(), l.title(unrecognised), l.familyName(), l.givenName(), l.email(), l.phone(),
					l.companyName(), l.taxCode(), l.jobTitle(), l.province(), l.message(), l.source(), l.campaign(), l.consents(),
					l.consentText(), l.webFormId(), l.ownerId(), l.ownerTeamId(), l.score(), l.disqualifyReason(), l.linkedPersonId(),
					l.linkedOrganizationId(), l.convertedPersonId(), l.convertedOrganizationId(), l.convertedOpportunityId(),
					l.convertedAt(), l.activityCount(), l.lastActivityAt(), l.possibleDuplicates(), l.createdAt(), l.updatedAt(),
					l.version());
		}
	}

	@Schema(name = "LeadPage")
	record PageJson(List<LeadJson> items, String nextCursor) {
	}

	record ConvertJson(UUID personId, UUID organizationId, Boolean createNewPerson, Boolean createOpportunity,
			String opportunityName, BigDecimal amount, String currency) {
	}

	record TouchJson(String type, String subject, String body) {
	}

	/** For the OpenAPI document: what {@link #disqualify} reads (only {@code reason}; other fields are ignored). */
	record DisqualifyJson(String reason) {
	}

	/** For the OpenAPI document: what {@link #link} reads; a key sent as null removes that link. */
	record LinkJson(UUID personId, UUID organizationId) {
	}

	/** The import's result; {@code importId} is its import (GET /api/v1/imports/{id}, its errors file, its undo). */
	record ImportJson(int imported, List<FailureJson> failed, Map<String, String> columns, List<String> ignoredColumns, UUID importId) {
	}

	record FailureJson(int row, List<Map<String, String>> errors) {
	}

	private final Leads leads;
	private final ConvertLead conversion;
	private final LeadImport imports;
	private final RequestBodies bodies;
	private final MessageSource messages;

	private final UserDirectory users;

	LeadApi(Leads leads, ConvertLead conversion, LeadImport imports, RequestBodies bodies, MessageSource messages,
			UserDirectory users) {
		this.leads = leads;
		this.conversion = conversion;
		this.imports = imports;
		this.bodies = bodies;
		this.messages = messages;
		this.users = users;
	}

	private LeadJson json(Lead lead) {
		return LeadJson.of(lead, NameOrder.forUnrecognised(users.workspace()));
	}

	@PostMapping
	@ApiBody(LeadDraft.class)
	ResponseEntity<LeadJson> create(@RequestBody Map<String, Object> body) {
		var lead = leads.create(bodies.read(body, LeadDraft.class, LeadJson.READ_ONLY), "api");
		return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).eTag(ETags.of(lead.version())).body(json(lead));
	}

	@GetMapping
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "A lead status, or open", schema = @Schema(type = "string"))
	@Parameter(name = "ownerId", in = ParameterIn.QUERY,
			description = "A user id, or unassigned", schema = @Schema(type = "string"))
	@Parameter(name = "source", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "minScore", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "score (default) or created", schema = @Schema(type = "string"))
	@Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "nextCursor of the previous page", schema = @Schema(type = "string"))
	PageJson list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		var page = leads.list(LeadFilter.of(params));
		return new PageJson(page.items().stream().map(this::json).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	ResponseEntity<LeadJson> get(@PathVariable String id) {
		var lead = leads.get(Ids.parse(id, "entity.lead"));
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(json(lead));
	}

	@PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
	@ApiBody(LeadDraft.class)
	ResponseEntity<LeadJson> patch(@PathVariable String id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var leadId = Ids.parse(id, "entity.lead");
		var current = leads.get(leadId);
		var expected = ETags.version(ifMatch);
		var lead = leads.update(leadId, bodies.patch(current.toDraft(), patch, LeadDraft.class, LeadJson.READ_ONLY),
				expected == null ? current.version() : expected);
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(json(lead));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		leads.delete(Ids.parse(id, "entity.lead"), ETags.version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/qualify")
	ResponseEntity<LeadJson> qualify(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var lead = leads.qualify(Ids.parse(id, "entity.lead"), ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(json(lead));
	}

	@PostMapping("/{id}/disqualify")
	@ApiBody(DisqualifyJson.class)
	ResponseEntity<LeadJson> disqualify(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var reason = body == null || body.get("reason") == null ? null : body.get("reason").toString();
		var lead = leads.disqualify(Ids.parse(id, "entity.lead"), reason, ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(json(lead));
	}

	@PostMapping("/{id}/reopen")
	ResponseEntity<LeadJson> reopen(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var lead = leads.reopen(Ids.parse(id, "entity.lead"), ETags.version(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(json(lead));
	}

	@PostMapping("/{id}/take")
	ResponseEntity<LeadJson> take(@PathVariable String id) {
		var lead = leads.take(Ids.parse(id, "entity.lead"));
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(json(lead));
	}

	@PostMapping("/{id}/convert")
	@ApiBody(ConvertJson.class)
	ConvertLead.Result convert(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		var request = body == null ? null : bodies.read(body, ConvertJson.class, List.of());
		return conversion.convert(Ids.parse(id, "entity.lead"), request == null ? null
				: new ConvertLead.Request(request.personId(), request.organizationId(), request.createNewPerson(),
						request.createOpportunity(), request.opportunityName(), request.amount(), request.currency()));
	}

	@GetMapping("/{id}/matches")
	Map<String, List<LeadMatch>> matches(@PathVariable String id) {
		return Map.of("items", leads.matches(Ids.parse(id, "entity.lead")));
	}

	/** {@code {"personId": …, "organizationId": …}}: links to existing records, used on conversion; a key with null removes that link. */
	@PostMapping("/{id}/link")
	@ApiBody(LinkJson.class)
	LeadJson link(@PathVariable String id, @RequestBody Map<String, Object> body) {
		var problems = new ValidationException.Collector();
		body.keySet().stream().filter(k -> !k.equals("personId") && !k.equals("organizationId"))
				.forEach(k -> problems.add(k, "validation.unknown-field"));
		problems.throwIfAny();
		return json(leads.link(Ids.parse(id, "entity.lead"), uuid(body, "personId"), uuid(body, "organizationId"),
				body.containsKey("personId"), body.containsKey("organizationId")));
	}

	@GetMapping("/{id}/history")
	List<History.Entry> history(@PathVariable String id) {
		return leads.history(Ids.parse(id, "entity.lead"));
	}

	@GetMapping("/{id}/touches")
	Map<String, List<RecordTimeline.Entry>> touches(@PathVariable String id) {
		return Map.of("items", leads.touches(Ids.parse(id, "entity.lead")));
	}

	@PostMapping("/{id}/touches")
	@ApiBody(value = TouchJson.class, required = "body")
	ResponseEntity<LeadJson> touch(@PathVariable String id, @RequestBody Map<String, Object> body) {
		var touch = bodies.read(body, TouchJson.class, List.of());
		var lead = leads.logTouch(Ids.parse(id, "entity.lead"), touch.type(), touch.subject(), touch.body());
		return ResponseEntity.status(201).eTag(ETags.of(lead.version())).body(json(lead));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportJson importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String campaign) throws IOException {
		return json(imports.importFile(file.getInputStream(), campaign, file.getOriginalFilename()));
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	ImportJson importText(@RequestBody String csv, @RequestParam(required = false) String campaign) {
		return json(imports.importFile(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), campaign, null));
	}

	private ImportJson json(LeadImport.Result result) {
		var locale = LocaleContextHolder.getLocale();
		return new ImportJson(result.imported(), result.failed().stream().map(f -> new FailureJson(f.row(), f.problems().stream()
				.map(p -> Map.of("field", p.field(), "code", p.code(), "message",
						messages.getMessage(p.code(), p.arguments(), p.code(), locale))).toList())).toList(),
				result.columns(), result.ignoredColumns(), result.importId());
	}

	private static UUID uuid(Map<String, Object> body, String key) {
		var value = body.get(key);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.toString());
		} catch (IllegalArgumentException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem(key, "error.invalid-value")));
		}
	}
}
