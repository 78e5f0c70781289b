package org.sencrm.analytics.segment;

import tools.jackson.databind.JsonNode;

/**
 * What a client sends for a segment: its name, the type of customers ({@code person} or
 * {@code organization}), and either a rule or {@code "static": true} for a list.
 */
public record SegmentDraft(String name, String type, Boolean isStatic, JsonNode rule) {
}
