package org.sencrm.sales.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The stages an opportunity went through and how long it stayed in each: a stay lasts from
 * entering a stage to the next change (the current stay until now). {@code timeInStages} adds up
 * the stays per stage, for an opportunity that came back to a stage.
 */
public record StageHistory(List<Stay> changes, List<StageTime> timeInStages) {

	/** One change and the stay it began; {@code current} for the stage the opportunity is in now. */
	public record Stay(UUID id, UUID fromStageId, String fromStage, UUID toStageId, String toStage, Instant changedAt,
			UUID changedBy, String changedByName, long secondsInStage, boolean current) {
	}

	public record StageTime(UUID stageId, String stage, long seconds) {
	}

	interface StageNames {
		String of(UUID stageId);
	}

	static StageHistory of(List<StageChange> changes, Instant now, StageNames names) {
		var stays = new ArrayList<Stay>();
		var totals = new LinkedHashMap<UUID, Long>();
		for (int i = 0; i < changes.size(); i++) {
			var change = changes.get(i);
			var last = i == changes.size() - 1;
			var end = last ? now : changes.get(i + 1).changedAt();
			var seconds = Math.max(0, Duration.between(change.changedAt(), end).toSeconds());
			stays.add(new Stay(change.id(), change.fromStageId(), change.fromStageId() == null ? null : names.of(change.fromStageId()),
					change.toStageId(), names.of(change.toStageId()), change.changedAt(), change.changedBy(),
					change.changedByName(), seconds, last));
			totals.merge(change.toStageId(), seconds, Long::sum);
		}
		var times = totals.entrySet().stream().map(e -> new StageTime(e.getKey(), names.of(e.getKey()), e.getValue())).toList();
		return new StageHistory(List.copyOf(stays), times);
	}
}
