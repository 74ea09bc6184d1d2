package dev.shopwright.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database start-up failure into the two lines a person needs: what is wrong, what to do. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailable cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
