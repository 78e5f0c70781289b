package org.sencrm.sales.lead;

import java.util.List;

/** One page of the lead list and the cursor of the next, or null at the end. */
public record LeadPage(List<Lead> items, String nextCursor) {
}
