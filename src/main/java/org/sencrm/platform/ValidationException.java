package org.sencrm.platform;

import java.util.ArrayList;
import java.util.List;

/** One or more fields are invalid; each problem names its field and a message code. */
public class ValidationException extends DomainException {

	public record FieldProblem(String field, String code, Object... arguments) {
	}

	private final List<FieldProblem> problems;

	public ValidationException(List<FieldProblem> problems) {
		super("error.validation");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** Collects field problems, then throws them all at once. */
	public static final class Collector {
		private final List<FieldProblem> problems = new ArrayList<>();

		public Collector add(String field, String code, Object... arguments) {
			problems.add(new FieldProblem(field, code, arguments));
			return this;
		}

		public int size() {
			return problems.size();
		}

		public boolean isEmpty() {
			return problems.isEmpty();
		}

		public void throwIfAny() {
			if (!problems.isEmpty()) {
				throw new ValidationException(problems);
			}
		}
	}
}
