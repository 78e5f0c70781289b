package org.sencrm.directory.organization;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.record.DuplicateRequest;

/** An organization as a create or change answers it: the organization, and the records it may duplicate when there are any. */
@Schema(name = "OrganizationSaved")
record OrganizationSaved(@JsonUnwrapped Organization organization,
		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		@Schema(description = "The records this organization may duplicate (decision 32)")
		List<DuplicateRequest.PossibleDuplicate> possibleDuplicates) {
}
