package org.sencrm.analytics.segment;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * What a client sends for a segment: its name, the type of customers ({@code person} or
 * {@code organization}), and either a rule or {@code "static": true} for a list.
 */
@Schema(name = "SegmentDraft")
public record SegmentDraft(String name, String type, @Schema(name = "static") Boolean isStatic,
		@Schema(description = "{\"all\":[…]} / {\"any\":[…]} / {\"not\":{…}} of groups and {\"field\",\"op\",\"value\"}") JsonNode rule) {
}
