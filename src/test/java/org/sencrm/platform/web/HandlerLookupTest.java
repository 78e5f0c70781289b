package org.sencrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The quick lookup finds, for a path made from each mapping's own pattern, that mapping's method —
 * what Spring's full comparison finds — for every controller method of the application.
 */
@IntegrationTest
class HandlerLookupTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void theApplicationUsesTheQuickLookup() {
		assertThat(mapping).isInstanceOf(HandlerLookup.PrefixFirstMapping.class);
	}

	@Test
	void everyMappingIsFoundByAPathMadeFromItsPattern() throws Exception {
		var checked = 0;
		var wrong = new ArrayList<String>();
		for (var entry : mapping.getHandlerMethods().entrySet()) {
			var info = entry.getKey();
			if (!plain(info)) {
				continue;
			}
			for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
				var method = info.getMethodsCondition().getMethods().stream().findFirst().map(Enum::name).orElse("GET");
				var path = pattern.replaceAll("\\{[^}]*}", "x1");
				var found = handlerOf(method, path);
				checked++;
				if (!entry.getValue().getMethod().equals(found)) {
					wrong.add(method + " " + path + " → " + found + ", expected " + entry.getValue().getMethod());
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).isGreaterThan(200);
	}

	@Test
	void aPathWithEscapesOrMatrixParametersIsMatchedAsSpringDecodesIt() throws Exception {
		var plain = handlerOf("GET", "/api/v1/persons/x1");
		assertThat(plain).isNotNull();
		assertThat(handlerOf("GET", "/api/v1/pers%6Fns/x1")).isEqualTo(plain);
		assertThat(handlerOf("GET", "/api/v1/persons;v=1/x1")).isEqualTo(plain);
	}

	@Test
	void aPathNoMappingBeginsWithFindsNothing() throws Exception {
		assertThat(handlerOf("GET", "/api/v1/no-such-things/x1")).isNull();
	}

	@Test
	void theApplicationsMappingsAreAskedBeforeTheActuators(@Autowired ApplicationContext context) {
		var order = context.getBeansOfType(HandlerMapping.class).values().stream().sorted(AnnotationAwareOrderComparator.INSTANCE)
				.map(Object::getClass).toList();
		assertThat(order.indexOf(HandlerLookup.PrefixFirstMapping.class)).isLessThan(order.indexOf(WebMvcEndpointHandlerMapping.class));
		var health = new Api(port, null);
		assertThat(health.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(health.get("/actuator/health/readiness").body().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void aMethodNoMappingOfThePathAllowsIsRefusedAsSpringRefusesIt() {
		assertThatThrownBy(() -> handlerOf("PUT", "/api/v1/persons/x1")).isInstanceOf(HttpRequestMethodNotSupportedException.class);
	}

	@Test
	void onlyMappingsWhosePatternsBeginThePathAreCandidates() {
		var candidates = new HandlerLookup.Beginnings(mapping.getHandlerMethods()).candidates("/api/v1/persons/x1").stream()
				.map(c -> c.getKey().getPathPatternsCondition() == null ? "" : c.getKey().getPathPatternsCondition().getPatternValues().toString())
				.toList();
		assertThat(candidates).contains("[/api/v1/persons/{id}]").doesNotContain("[/api/v1/organizations/{id}]");
		assertThat(candidates.size()).isLessThan(mapping.getHandlerMethods().size() / 5);
	}

	@Test
	void literalBeginningsStopAtTheFirstVariableOrWildcard() {
		assertThat(HandlerLookup.PrefixFirstMapping.literalBeginnings(RequestMappingInfo.paths("/api/v1/persons/{id}/tags")
				.options(mapping.getBuilderConfiguration()).build())).containsExactly("/api/v1/persons/");
		assertThat(HandlerLookup.PrefixFirstMapping.literalBeginnings(RequestMappingInfo.paths("/files/**", "/a/b")
				.options(mapping.getBuilderConfiguration()).build())).containsExactlyInAnyOrder("/files/", "/a/b");
	}

	/** Mappings whose match depends on the path and method alone. */
	private static boolean plain(RequestMappingInfo info) {
		return info.getPathPatternsCondition() != null && info.getParamsCondition().isEmpty()
				&& info.getHeadersCondition().isEmpty() && info.getConsumesCondition().isEmpty()
				&& info.getProducesCondition().isEmpty()
				// wildcards, and variables with their own pattern ({kind:persons|organizations}), which "x1" would not fit
				&& info.getPathPatternsCondition().getPatternValues().stream().noneMatch(p -> p.contains("*") || p.matches(".*\\{[^}]*:.*"));
	}

	private java.lang.reflect.Method handlerOf(String method, String path) throws Exception {
		var request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		var chain = mapping.getHandler(request);
		return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
	}
}
