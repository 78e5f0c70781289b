package org.sencrm.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start the embedded PostgreSQL cannot make ends with one line that says why and what to do, not a stack trace. */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresFailure cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
