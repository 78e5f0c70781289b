package org.sencrm.trash;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A trash entry was restored: the records that came back, by type. Published in the restoring
 * transaction, for a module that must put back more than the rows themselves (an undone merge moves
 * its records back, decision 33); a synchronous listener's failure rolls the restore back.
 */
public record TrashRestored(Map<String, List<UUID>> records) {

	public TrashRestored {
		records = Map.copyOf(records);
	}
}
