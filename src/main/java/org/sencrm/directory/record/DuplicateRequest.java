package org.sencrm.directory.record;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.duplicates.DuplicateCheck;
import org.sencrm.platform.ValidationException;

/**
 * The API's side of the duplicate check on create and change: the body's {@code "allowDuplicate"}
 * (not a field of the record, so taken out before the body is read) and the possible duplicates a
 * 201 or 200 carries.
 */
public final class DuplicateRequest {

	public static final String ALLOW = "allowDuplicate";

	/** A record this one possibly duplicates, as the API shows it. */
	@Schema(name = "PossibleDuplicate", description = "A record this one may duplicate: same folded name and the same birthday, "
			+ "province or organization (reasons), or an exact match saved with allowDuplicate")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PossibleDuplicate(UUID id, String name, boolean exact, List<String> reasons) {

		public static List<PossibleDuplicate> of(List<DuplicateCheck.Found> found) {
			return found.stream().map(f -> new PossibleDuplicate(f.id(), f.name(), f.exact(), f.reasons())).toList();
		}
	}

	private DuplicateRequest() {
	}

	/** Takes {@code allowDuplicate} out of a request body (a boolean; 422 otherwise) and says whether it was true. */
	public static boolean allowed(Map<String, Object> body) {
		if (!body.containsKey(ALLOW)) {
			return false;
		}
		var value = body.remove(ALLOW);
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw new ValidationException(List.of(new ValidationException.FieldProblem(ALLOW, "error.invalid-value")));
	}
}
