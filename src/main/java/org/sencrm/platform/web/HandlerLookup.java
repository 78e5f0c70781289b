package org.sencrm.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a request without trying every mapping. For a path with a
 * variable ({@code /api/v1/persons/{id}}) Spring MVC asks each of the ~350 mappings in turn whether
 * it matches — method, parameters, headers, media types, then the pattern — which was a fifth of
 * the server's time on a person read (decision 27). Here only the mappings one of whose patterns'
 * literal beginnings ({@code /api/v1/persons/}) starts the path are asked, found by the path's own
 * prefixes; the best of them is chosen by Spring's own comparison. Whatever is not a plain single
 * best match — no match (so that Spring answers 404, 405 or 415 as it does), two equally good ones,
 * a CORS preflight, a path with escapes or matrix parameters (compared by Spring in decoded form) —
 * takes Spring's full way.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

	@Bean
	WebMvcRegistrations handlerLookupRegistrations() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixFirstMapping();
			}
		};
	}

	/**
	 * The actuator's endpoints (health) are looked up after the application's mappings: before,
	 * every API request first went through all of them in full, media types and all (a third of
	 * the lookup's time on a person read). None of the application's patterns matches under
	 * {@code /actuator}, so their requests still reach them.
	 */
	@Bean
	static BeanPostProcessor actuatorMappingsAfterTheApplications() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof AbstractWebMvcEndpointHandlerMapping endpoints) {
					endpoints.setOrder(1);
				}
				return bean;
			}
		};
	}

	static final class PrefixFirstMapping extends RequestMappingHandlerMapping {

		/** The mappings by their literal beginnings, made again whenever mappings change; read-only between. */
		private volatile Beginnings beginnings = new Beginnings(Map.of());

		@Override
		public void afterPropertiesSet() {
			super.afterPropertiesSet();
			beginnings = new Beginnings(getHandlerMethods());
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			super.registerMapping(mapping, handler, method);
			beginnings = new Beginnings(getHandlerMethods());
		}

		@Override
		public void unregisterMapping(RequestMappingInfo mapping) {
			super.unregisterMapping(mapping);
			beginnings = new Beginnings(getHandlerMethods());
		}

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			RequestMappingInfo best = null;
			RequestMappingInfo second = null;
			HandlerMethod handler = null;
			Comparator<RequestMappingInfo> order = null;
			for (var candidate : beginnings.candidates(lookupPath)) {
				var match = getMatchingMapping(candidate.getKey(), request);
				if (match == null) {
					continue;
				}
				if (best == null) {
					best = match;
					handler = candidate.getValue();
					continue;
				}
				order = order == null ? getMappingComparator(request) : order;
				if (order.compare(match, best) < 0) {
					second = best;
					best = match;
					handler = candidate.getValue();
				} else if (second == null || order.compare(match, second) < 0) {
					second = match;
				}
			}
			if (best == null || second != null && order.compare(best, second) == 0) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
			handleMatch(best, lookupPath, request);
			return handler;
		}

		/** Each pattern's text up to its first variable or wildcard; "" (matches all) without patterns. */
		static String[] literalBeginnings(RequestMappingInfo info) {
			var condition = info.getPathPatternsCondition();
			if (condition == null || condition.getPatterns().isEmpty()) {
				return new String[] {""};
			}
			return condition.getPatterns().stream().map(PathPattern::getPatternString).map(pattern -> {
				int end = pattern.length();
				for (var special : new char[] {'{', '*', '?'}) {
					int at = pattern.indexOf(special);
					if (at >= 0 && at < end) {
						end = at;
					}
				}
				return pattern.substring(0, end);
			}).distinct().toArray(String[]::new);
		}
	}

	/** Mappings by the literal beginnings of their patterns; a path's candidates are found through its prefixes. */
	static final class Beginnings {

		private final Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> byBeginning = new HashMap<>();
		private final int[] lengths;

		Beginnings(Map<RequestMappingInfo, HandlerMethod> mappings) {
			mappings.forEach((info, handler) -> {
				for (var beginning : PrefixFirstMapping.literalBeginnings(info)) {
					byBeginning.computeIfAbsent(beginning, b -> new ArrayList<>()).add(Map.entry(info, handler));
				}
			});
			lengths = byBeginning.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
		}

		/** The mappings one of whose beginnings starts the path, each once. */
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> candidates(String path) {
			var found = new ArrayList<Map.Entry<RequestMappingInfo, HandlerMethod>>();
			for (var length : lengths) {
				if (length > path.length()) {
					break;
				}
				var mappings = byBeginning.get(path.substring(0, length));
				if (mappings != null) {
					for (var mapping : mappings) {
						if (!holds(found, mapping.getKey())) {
							found.add(mapping);
						}
					}
				}
			}
			return found;
		}
	
		private static boolean holds(List<Map.Entry<RequestMappingInfo, HandlerMethod>> found, RequestMappingInfo info) {
			for (var entry : found) {
				if (entry.getKey() == info) {
					return true;
				}
			}
			return false;
		}
	}
}
