package org.sencrm.directory.organization;

import java.util.List;

/** One page of organizations and the cursor of the next page (null on the last page). */
public record OrganizationPage(List<Organization> items, String nextCursor) {
}
