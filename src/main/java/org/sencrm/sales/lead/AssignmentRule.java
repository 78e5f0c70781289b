package org.sencrm.sales.lead;

import java.util.List;
import java.util.UUID;

import org.sencrm.platform.SearchText;

/**
 * One rule of lead assignment: leads it matches (any lead, or those with this source, province
 * or campaign — accents and case aside) go to the user, or by turns to the active members of the
 * team. Rules are tried in order; the first that matches and can give an owner wins.
 */
public record AssignmentRule(UUID id, int position, String matchField, String matchValue, UUID userId, UUID teamId,
		UUID lastUserId, boolean active, int version) {

	public static final List<String> MATCH_FIELDS = List.of("any", "source", "province", "campaign");

	public boolean matches(Lead lead) {
		if (!active) {
			return false;
		}
		if (matchField.equals("any")) {
			return true;
		}
		var value = lead.field(matchField);
		return value != null && SearchText.fold(value).equals(SearchText.fold(matchValue));
	}

	public boolean roundRobin() {
		return userId == null;
	}
}
