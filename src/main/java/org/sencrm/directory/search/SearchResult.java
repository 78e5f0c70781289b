package org.sencrm.directory.search;

import java.util.UUID;

/** One match of the search box: a person or an organization, with what to show under its name. */
public record SearchResult(String type, UUID id, String name, String detail, double score) {
}
