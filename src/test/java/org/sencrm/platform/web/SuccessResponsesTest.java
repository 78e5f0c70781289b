package org.sencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The success statuses of a controller method, read from its code. */
class SuccessResponsesTest {

	@SuppressWarnings("unused")
	static class Controller {
		ResponseEntity<String> created() {
			return ResponseEntity.created(URI.create("/x/1")).eTag("\"0\"").body("x");
		}

		ResponseEntity<Void> deleted() {
			return ResponseEntity.noContent().build();
		}

		ResponseEntity<String> byConstant() {
			return ResponseEntity.status(HttpStatus.ACCEPTED).body("x");
		}

		ResponseEntity<String> byNumber() {
			return ResponseEntity.status(201).body("x");
		}

		ResponseEntity<String> createdOrReplaced(boolean created) {
			return created ? ResponseEntity.status(HttpStatus.CREATED).body("x") : ResponseEntity.ok("x");
		}

		ResponseEntity<String> throughAHelper() {
			return helper();
		}

		private ResponseEntity<String> helper() {
			return ResponseEntity.status(HttpStatus.CREATED).body("x");
		}

		ResponseEntity<String> inALambda(Optional<String> value) {
			return value.map(v -> ResponseEntity.ok().eTag("\"1\"").body(v)).orElseGet(() -> ResponseEntity.notFound().build());
		}

		ResponseEntity<String> byVariable(HttpStatus status) {
			return ResponseEntity.status(status).body("x");
		}

		Map<String, String> plain() {
			return Map.of();
		}

		@ResponseStatus(HttpStatus.CREATED)
		Map<String, String> declared() {
			return Map.of();
		}
	}

	@Test
	void readsCreatedWithLocationAndETag() throws Exception {
		var found = of("created");

		assertThat(found.statuses()).containsExactly(201);
		assertThat(found.location()).isTrue();
		assertThat(found.etag()).isTrue();
	}

	@Test
	void readsNoContentAndStatusesGivenAsConstantsOrNumbers() throws Exception {
		assertThat(of("deleted").statuses()).containsExactly(204);
		assertThat(of("byConstant").statuses()).containsExactly(202);
		assertThat(of("byNumber").statuses()).containsExactly(201);
		assertThat(of("byNumber").location()).isFalse();
	}

	@Test
	void readsEveryBranchAndFollowsHelpersAndLambdasButNotFailures() throws Exception {
		assertThat(of("createdOrReplaced", boolean.class).statuses()).containsExactly(200, 201);
		assertThat(of("throughAHelper").statuses()).containsExactly(201);
		assertThat(of("inALambda", Optional.class).statuses()).containsExactly(200);
		assertThat(of("inALambda", Optional.class).etag()).isTrue();
	}

	@Test
	void aStatusInAVariableIsUnknown() throws Exception {
		assertThat(of("byVariable", HttpStatus.class).unknown()).isTrue();
	}

	@Test
	void aPlainBodyIs200OrItsResponseStatus() throws Exception {
		assertThat(of("plain").statuses()).containsExactly(200);
		assertThat(of("declared").statuses()).containsExactly(201);
	}

	private static SuccessResponses of(String name, Class<?>... parameters) throws NoSuchMethodException {
		return SuccessResponses.of(Controller.class.getDeclaredMethod(name, parameters));
	}
}
