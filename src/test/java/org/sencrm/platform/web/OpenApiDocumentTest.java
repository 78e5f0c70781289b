package org.sencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.identity.internal.ApiTokens;
import org.sencrm.identity.internal.SignIn;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells the truth about every operation under /api/v1: what it takes, what
 * it answers when it works and when it does not. The first tests read the document against the
 * rules of decision 21 (so a new endpoint without them fails here); the others ask the running
 * application whether what the document says is what happens.
 */
@IntegrationTest
class OpenApiDocumentTest {

	private static final String PROBLEM = "#/components/schemas/Problem";

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	SignIn signIn;

	@Autowired
	ApiTokens tokens;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	private JsonNode document;
	private Api anonymous;

	@BeforeEach
	void readDocument() {
		anonymous = new Api(port, null);
		var response = anonymous.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		document = response.body();
	}

	@Test
	void everyApiHandlerIsInTheDocument() {
		var documented = new TreeSet<String>();
		eachOperation((method, path) -> documented.add(method.toUpperCase() + " " + path));
		var handled = new TreeSet<String>();
		// every method of every @RequestMapping handler under /api/

		handlers.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
				.filter(pattern -> pattern.startsWith("/api/"))
				.forEach(pattern -> info.getMethodsCondition().getMethods()
						.forEach(method -> handled.add(method.name() + " " + pattern))));

		handled.removeAll(documented);

		assertThat(documented).hasSizeGreaterThan(100);
		assertThat(handled).as("handlers missing from the document").isEmpty();
	}

	@Test
	void operationIdsAreUniqueAndNamedAfterControllerAndMethod() {
		var ids = new ArrayList<String>();
		eachOperation((method, path) -> ids.add(operation(method, path).get("operationId").asString()));

		assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"), "controller and method, no number");
		assertThat(ids).contains("personCreate", "personGet");
	}

	@Test
	void everyOperationDocumentsItsSuccessAsWhatItReallySends() {
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			var operation = operation(method, path);
			var successes = new TreeSet<String>();
			operation.get("responses").propertyNames().stream().filter(code -> code.startsWith("2")).forEach(successes::add);
			if (successes.isEmpty()) {
				wrong.add(method + " " + path + ": no 2xx response");
			}
			for (var code : successes) {
				var content = operation.get("responses").get(code).path("content");
				if (code.equals("204") != content.isMissingNode()) {
					wrong.add(method + " " + path + ": " + code + (code.equals("204") ? " with" : " without") + " content");
				}
				if (content.has("*/*")) {
					wrong.add(method + " " + path + ": " + code + " is */*");
				}
			}
			var expected = switch (method) {
				case "get", "put", "patch" -> List.of("200");
				case "delete" -> List.of("204", "200");
				default -> List.of("200", "201", "202", "204");
			};
			if (!expected.containsAll(successes)) {
				wrong.add(method + " " + path + ": " + successes + " for a " + method);
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyProblemIsProblemJsonAndTheUsualOnesAreThere() {
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			var operation = operation(method, path);
			var responses = operation.get("responses");
			var expected = new TreeSet<String>();
			var secured = !(operation.has("security") && operation.get("security").isEmpty());
			if (secured) {
				expected.addAll(List.of("401", "403"));
			}
			if (path.contains("{")) {
				expected.add("404");
			}
			if (operation.has("requestBody")) {
				expected.addAll(List.of("400", "413", "422"));
			}
			if (!method.equals("get")) {
				expected.add("409");
			}
			var parameters = operation.path("parameters");
			for (var parameter : parameters) {
				if (parameter.get("name").asString().equals("If-Match")) {
					expected.add("412");
				}
			}
			for (var code : expected) {
				if (!responses.has(code)) {
					wrong.add(method + " " + path + ": no " + code);
				}
			}
			for (var code : responses.propertyNames()) {
				if (code.startsWith("4") || code.startsWith("5")) {
					var content = responses.get(code).path("content");
					if (content.size() != 1 || !content.at("/application~1problem+json/schema/$ref").asString("").equals(PROBLEM)) {
						wrong.add(method + " " + path + ": " + code + " is not application/problem+json with the Problem schema");
					}
				}
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(document.at("/paths/~1api~1v1~1persons/get/responses").propertyNames())
				.as("filters read as text answer 422, not 400").contains("422").doesNotContain("400", "404", "409");
		assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
				.contains("type", "title", "status", "detail", "instance", "code", "errors");
		assertThat(document.at("/components/schemas/ProblemField/properties").propertyNames()).contains("field", "code", "message");
	}

	@Test
	void everyRequestBodyHasItsSchemaAndAPatchHasNothingRequired() {
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			var body = operation(method, path).path("requestBody");
			if (body.isMissingNode()) {
				return;
			}
			for (var mediaType : body.get("content").propertyNames()) {
				var schema = resolve(body.get("content").get(mediaType).path("schema"));
				var described = schema.has("properties") && !schema.get("properties").isEmpty()
						|| schema.path("type").asString("").matches("array|string");
				if (mediaType.equals("*/*") || !described) {
					wrong.add(method + " " + path + " " + mediaType + ": " + schema);
				}
				if (method.equals("patch") && (schema.has("required")
						|| !body.get("content").get(mediaType).at("/schema/$ref").asString("").endsWith("Patch"))) {
					wrong.add(method + " " + path + ": a merge patch should be a <Name>Patch schema without required fields");
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aFilteredListAndItsExportDocumentTheSameFilters() {
		for (var path : List.of("/api/v1/persons", "/api/v1/persons/export", "/api/v1/organizations",
				"/api/v1/organizations/export")) {
			var names = new TreeSet<String>();
			operation("get", path).path("parameters").forEach(parameter -> names.add(parameter.get("name").asString()));
			assertThat(names).as(path).contains("q", "tag", "ownerId", "lifecycleStage", "sort", "limit", "cursor");
		}
	}

	@Test
	void everyParameterIsAPlainValueNotAFreeFormObject() {
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> operation(method, path).path("parameters").forEach(parameter -> {
			var schema = resolve(parameter.path("schema"));
			if (schema.isMissingNode() || schema.path("type").asString("").equals("object") || schema.has("properties")) {
				wrong.add(method + " " + path + " " + parameter.get("name").asString() + ": " + schema);
			}
		}));
		assertThat(wrong).as("a MultiValueMap of filters documents its keys with @Parameter and hides itself").isEmpty();
	}

	@Test
	void securedOperationsAnswer401WithoutATokenAndPublicOnesDoNot() {
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			var operation = operation(method, path);
			var secured = !(operation.has("security") && operation.get("security").isEmpty());
			var response = call(anonymous, method, path, "00000000-0000-0000-0000-000000000000");
			if (secured != (response.status() == 401)) {
				wrong.add(method + " " + path + ": " + response.status() + (secured ? ", documented as needing a token" : ", documented as public"));
			}
			if (response.status() == 401 && !response.header("Content-Type").startsWith("application/problem+json")) {
				wrong.add(method + " " + path + ": 401 as " + response.header("Content-Type"));
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void aTokenWithoutTheRightScopeGets403AsDocumented() {
		var workspace = workspaces.create();
		var email = workspace.member(Role.ADMIN).email();
		var user = signIn.check(email, TestWorkspaces.PASSWORD);
		var scope = new WorkspaceContext.Scope(user.workspaceId(), user.id(), user.displayName());
		var readOnly = new Api(port, WorkspaceContext.callAs(scope, () -> tokens.create(user, "read", List.of("read")).token()));
		var writeOnly = new Api(port, WorkspaceContext.callAs(scope, () -> tokens.create(user, "write", List.of("write")).token()));
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			var operation = operation(method, path);
			if (operation.has("security") && operation.get("security").isEmpty()) {
				return;
			}
			var response = call(method.equals("get") ? writeOnly : readOnly, method, path, "00000000-0000-0000-0000-000000000000");
			if (response.status() != 403 || !operation.get("responses").has("403")) {
				wrong.add(method + " " + path + ": " + response.status());
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void readsAndDeletesOfAMalformedIdAnswer404AsDocumented() {
		var admin = new Api(port, workspaces.create().member(Role.ADMIN).token());
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			if (!path.contains("{") || !(method.equals("get") || method.equals("delete"))) {
				return;
			}
			var response = call(admin, method, path, "not-an-id");
			if (response.status() != 404 || !response.header("Content-Type").startsWith("application/problem+json")) {
				wrong.add(method + " " + path + ": " + response.status() + " " + response.header("Content-Type"));
			}
		});
		assertThat(wrong).isEmpty();
	}

	/**
	 * Answer 500 to a body without {@code entity} (a null looked up in {@code List.of(…)}), where 422 naming
	 * the field is meant; reported with decision 21's work, left to the directory's owners.
	 */
	@Test
	void fieldsDocumentedAsRequiredAreOnesTheServerAsksFor() {
		var admin = new Api(port, workspaces.create().member(Role.ADMIN).token());
		var checked = new ArrayList<String>();
		var wrong = new ArrayList<String>();
		eachOperation((method, path) -> {
			var body = operation(method, path).path("requestBody").path("content").path("application/json").path("schema");
			var required = resolve(body).path("required");
			if (path.contains("{") || !(method.equals("post") || method.equals("put")) || required.isEmpty()) {
				return;
			}
			var response = admin.send(method.toUpperCase(), path, "{}", "application/json");
			if (response.status() == 403) {
				return; // not the workspace admin's to do (workspaces: the instance administrator)
			}
			var named = new TreeSet<String>();
			response.body().path("errors").forEach(error -> named.add(error.get("field").asString()));
			for (var field : required) {
				// refused as invalid naming the field, or as a documented 404 (an id that names nothing)
				var refused = response.status() == 422 ? named.contains(field.asString())
						: operation(method, path).get("responses").has(String.valueOf(response.status())) && response.status() >= 400;
				if (!refused) {
					wrong.add(method + " " + path + ": " + field.asString() + " is documented as required, the server answered "
							+ response.status() + " naming " + named);
				}
			}
			checked.add(path);
		});
		assertThat(wrong).isEmpty();
		assertThat(checked).contains("/api/v1/products", "/api/v1/opportunities", "/api/v1/tags", "/api/v1/auth/tokens");
	}

	@Test
	void aCreateAnswers201WithLocationAndADeleteAnswers204AsDocumented() {
		var admin = new Api(port, workspaces.create().member(Role.ADMIN).token());

		var created = admin.post("/api/v1/persons", Map.of("givenName", "An", "familyName", "Nguyễn"));
		var deleted = admin.delete(created.header("Location"));

		assertThat(document.at("/paths/~1api~1v1~1persons/post/responses/201/headers/Location").isMissingNode()).isFalse();
		assertThat(created.status()).isEqualTo(201);
		assertThat(document.at("/paths/~1api~1v1~1persons~1{id}/delete/responses/204").isMissingNode()).isFalse();
		assertThat(deleted.status()).isEqualTo(204);
	}

	private void eachOperation(BiConsumer<String, String> action) {
		var paths = document.get("paths");
		for (var path : paths.propertyNames()) {
			if (path.startsWith("/api/v1/")) {
				for (var method : paths.get(path).propertyNames()) {
					action.accept(method, path);
				}
			}
		}
	}

	private JsonNode operation(String method, String path) {
		return document.get("paths").get(path).get(method);
	}

	private JsonNode resolve(JsonNode schema) {
		var ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
	}

	private Api.Response call(Api api, String method, String path, String id) {
		var concrete = path.replaceAll("\\{[^/]+}", id);
		var body = operation(method, path).has("requestBody") ? "{}" : null;
		return api.send(method.toUpperCase(), concrete, body, body == null ? null : "application/json");
	}
}
