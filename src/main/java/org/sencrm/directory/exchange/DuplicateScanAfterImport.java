package org.sencrm.directory.exchange;

import org.sencrm.directory.duplicates.DuplicateScans;
import org.sencrm.exchange.ImportFinished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The whole-base duplicate scan runs after each import that created or changed persons or
 * organizations (issue 10 §4, decision 37): a person import scans persons, and organizations too
 * (its rows' company names may have made some); an organization import scans organizations. As the
 * system, in the background queue of {@link DuplicateScans} (a scan already waiting is not asked twice).
 */
@Component
class DuplicateScanAfterImport {

	private final DuplicateScans scans;

	DuplicateScanAfterImport(DuplicateScans scans) {
		this.scans = scans;
	}

	@ApplicationModuleListener
	void on(ImportFinished finished) {
		if (!finished.changedRecords()) {
			return;
		}
		switch (finished.type()) {
			case "persons" -> {
				scans.startAsSystem("person");
				scans.startAsSystem("organization");
			}
			case "organizations" -> scans.startAsSystem("organization");
			default -> {
				// leads, products and orders have no whole-base duplicate scan
			}
		}
	}
}
