package org.sencrm.exchange;

/** What the set-based write did with the staged rows (failed rows are counted by the engine). */
public record ImportCounts(int created, int updated, int skipped) {
}
