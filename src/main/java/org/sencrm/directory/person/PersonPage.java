package org.sencrm.directory.person;

import java.util.List;

/** One page of persons and the cursor of the next page (null on the last page). */
public record PersonPage(List<Person> items, String nextCursor) {
}
