package org.sencrm.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body over its limit before anything reads or parses it: the public web-form
 * intake and the token endpoint take {@code sen.requests.max-public-bytes} (64 KB), bodies that
 * carry files (a CSV import sent as the body, an email with its attachments in base64)
 * {@code sen.requests.max-file-bytes} (32 MB), every other body {@code sen.requests.max-body-bytes}
 * (1 MB); a single file is then held to its own limit by the service that takes it. Multipart uploads outside the public intake keep
 * their own limits (the container's {@code spring.servlet.multipart.*}, then the services').
 *
 * <p>A declared {@code Content-Length} over the limit is answered 413 at once; a body without one
 * (chunked) is counted as it is read, and reading past the limit fails, so no body gets past by
 * leaving its length out. The container parses form and multipart bodies itself, beyond this
 * count; on the public paths such a body must therefore declare its length (411 otherwise).
 * Registered ahead of Spring Security, so unauthenticated requests are limited too.
 */
@Configuration(proxyBeanMethods = false)
public class RequestSizeLimits {

	/** Reading a request body went past its limit. */
	public static final class BodyTooLargeException extends IOException {
		private final long limit;

		BodyTooLargeException(long limit) {
			super("Request body over " + limit + " bytes");
			this.limit = limit;
		}

		/** The limit in kilobytes, as the message shows it. */
		public long limitKilobytes() {
			return Math.max(1, limit / 1024);
		}
	}

	private static final String EXCEEDED = RequestSizeLimits.class.getName() + ".exceeded";

	@Bean
	FilterRegistrationBean<Limits> requestSizeLimitFilter(@Value("${sen.requests.max-public-bytes:65536}") long publicBytes,
			@Value("${sen.requests.max-body-bytes:1048576}") long bodyBytes,
			@Value("${sen.requests.max-file-bytes:33554432}") long fileBytes, MessageSource messages, LocaleResolver locales,
			JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new Limits(publicBytes, bodyBytes, fileBytes, messages, locales, json));
		registration.addUrlPatterns("/*");
		// before Spring Security (-100) and everything that might read a parameter
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** True when reading this request's body failed because it was over its limit. */
	public static boolean exceeded(HttpServletRequest request) {
		return request.getAttribute(EXCEEDED) != null;
	}

	/** This exception, or the one of its causes that is a body over its limit. */
	public static java.util.Optional<BodyTooLargeException> tooLarge(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return java.util.Optional.of(tooLarge);
			}
		}
		return java.util.Optional.empty();
	}

	static final class Limits extends OncePerRequestFilter {
		private final long publicBytes;
		private final long bodyBytes;
		private final long fileBytes;
		private final MessageSource messages;
		private final LocaleResolver locales;
		private final JsonMapper json;

		Limits(long publicBytes, long bodyBytes, long fileBytes, MessageSource messages, LocaleResolver locales, JsonMapper json) {
			this.publicBytes = publicBytes;
			this.bodyBytes = bodyBytes;
			this.fileBytes = fileBytes;
			this.messages = messages;
			this.locales = locales;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var path = request.getRequestURI().substring(request.getContextPath().length());
			boolean publicPath = path.startsWith("/api/v1/public/") || path.equals("/api/v1/auth/tokens");
			var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
			boolean multipart = type.startsWith("multipart/");
			if (multipart && !publicPath) {
				chain.doFilter(request, response);
				return;
			}
			boolean carriesFiles = type.startsWith("text/csv") || path.equals("/api/v1/emails");
			long limit = publicPath ? publicBytes : carriesFiles ? fileBytes : bodyBytes;
			long declared = request.getContentLengthLong();
			if (declared > limit) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.body-too-large", limit);
				return;
			}
			boolean parsedByContainer = multipart || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
			if (declared < 0 && publicPath && parsedByContainer && hasBody(request)) {
				refuse(request, response, HttpStatus.LENGTH_REQUIRED, "error.length-required", limit);
				return;
			}
			var limited = new LimitedRequest(request, limit);
			try {
				chain.doFilter(limited, response);
			} catch (ServletException | IOException | RuntimeException e) {
				if (tooLarge(e).isEmpty() || response.isCommitted()) {
					throw e;
				}
				response.reset();
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.body-too-large", limit);
				return;
			}
			if (exceeded(request) && !response.isCommitted()) {
				// a reader turned the refusal into some other answer (400): make it the one it is
				response.reset();
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.body-too-large", limit);
			}
		}

		private static boolean hasBody(HttpServletRequest request) {
			return request.getHeader("Transfer-Encoding") != null;
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, long limit)
				throws IOException {
			var locale = locales.resolveLocale(request);
			var kilobytes = Math.max(1, limit / 1024);
			var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, new Object[] {kilobytes}, code, locale));
			problem.setType(URI.create("https://sencrm.org/problems/" + code));
			problem.setTitle(messages.getMessage("title." + status.value(), null, status.getReasonPhrase(), locale));
			problem.setProperty("code", code);
			problem.setProperty("limitBytes", limit);
			response.setStatus(status.value());
			// the rest of the body is not read: the connection cannot carry another request
			response.setHeader("Connection", "close");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), problem);
		}
	}

	/** Hands out the body through a stream that counts and fails past the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {
		private final long limit;
		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit, (HttpServletRequest) getRequest());
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			var encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}
	}

	private static final class CountingStream extends ServletInputStream {
		private final ServletInputStream in;
		private final long limit;
		private final HttpServletRequest request;
		private long count;

		CountingStream(ServletInputStream in, long limit, HttpServletRequest request) {
			this.in = in;
			this.limit = limit;
			this.request = request;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws BodyTooLargeException {
			count += n;
			if (count > limit) {
				request.setAttribute(EXCEEDED, Boolean.TRUE);
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
