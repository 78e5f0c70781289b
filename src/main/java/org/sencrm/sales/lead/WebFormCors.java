package org.sencrm.sales.lead;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.sencrm.platform.NotFoundException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

/**
 * Cross-origin posts to the public form intake: a form's script may post from the websites the
 * form lists (from any when it lists none). A browser posting from a website not listed is
 * refused (403), also for plain HTML form posts, which carry their origin too.
 */
@Configuration(proxyBeanMethods = false)
class WebFormCors {

	static final String PATH = "/api/v1/public/forms/";

	@Bean
	FilterRegistrationBean<CorsFilter> webFormCorsFilter(WebFormIntake intake) {
		var filter = new CorsFilter(request -> configuration(intake, request));
		var registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(PATH + "*");
		registration.setName("webFormCors");
		return registration;
	}

	private static CorsConfiguration configuration(WebFormIntake intake, HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(PATH)) {
			return null;
		}
		WebForm form;
		try {
			form = intake.form(path.substring(PATH.length()));
		} catch (NotFoundException e) {
			return null;
		}
		var cors = new CorsConfiguration();
		if (form.allowedOrigins().isEmpty()) {
			cors.addAllowedOrigin("*");
		} else {
			cors.setAllowedOrigins(form.allowedOrigins());
		}
		cors.setAllowedMethods(List.of("POST"));
		cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Accept-Language"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		return cors;
	}
}
