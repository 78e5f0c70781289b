package org.sencrm.directory.merge;

import java.util.UUID;
import java.util.regex.Pattern;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A merged-away person or organization answers 404 like any record gone, with {@code mergedInto}:
 * the survivor's id, so a client can follow it (decision 33). Added to the problem the API's error
 * mapping wrote, without the persons' and organizations' own code knowing about merges.
 */
@RestControllerAdvice
class MergedRecords implements ResponseBodyAdvice<Object> {

	private static final Pattern RECORD = Pattern.compile("^/api/v1/(persons|organizations)/([0-9a-fA-F-]{36})(/.*)?$");

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	MergedRecords(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return ProblemDetail.class.isAssignableFrom(returnType.getParameterType());
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
		if (!(body instanceof ProblemDetail problem) || problem.getStatus() != 404 || WorkspaceContext.current() == null) {
			return body;
		}
		var matcher = RECORD.matcher(request.getURI().getPath());
		if (!matcher.matches()) {
			return body;
		}
		UUID id;
		try {
			id = UUID.fromString(matcher.group(2));
		} catch (IllegalArgumentException e) {
			return body;
		}
		var entity = "persons".equals(matcher.group(1)) ? "person" : "organization";
		var survivor = transactions.execute(status -> jdbc.sql("""
				select survivor_id from merges where workspace_id = :ws and entity = :entity and merged_ids @> array[cast(:id as uuid)]
				  and undone_at is null
				order by merged_at desc limit 1""")
				.param("ws", WorkspaceContext.workspaceId()).param("entity", entity).param("id", id).query(UUID.class).optional());
		survivor.ifPresent(s -> problem.setProperty("mergedInto", s));
		return body;
	}
}
