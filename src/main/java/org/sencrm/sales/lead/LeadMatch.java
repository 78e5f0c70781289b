package org.sencrm.sales.lead;

import java.util.List;
import java.util.UUID;

/**
 * A record the lead may be the same as: a person, an organization or another open lead, and why
 * (reasons {@code email}, {@code phone}, {@code tax_code}, {@code name}).
 */
public record LeadMatch(String type, UUID id, String name, String detail, List<String> reasons) {
}
