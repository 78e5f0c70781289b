package org.sencrm.sales.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A sales pipeline: its stages in order (archived ones too, flagged). {@code template} names the
 * default a pipeline was made from ({@code b2b}, {@code b2c}), or is null for one made by a user.
 */
public record Pipeline(UUID id, String name, int position, String template, boolean archived, int version,
		List<Stage> stages) {

	/** The stages an opportunity can be in now, in order. */
	public List<Stage> activeStages() {
		return stages.stream().filter(s -> !s.archived()).toList();
	}

	public Optional<Stage> stage(UUID stageId) {
		return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
	}

	/** The first active stage of a kind: where "won" and "lost" move an opportunity when no stage is named. */
	public Optional<Stage> firstOfKind(String kind) {
		return activeStages().stream().filter(s -> s.kind().equals(kind)).findFirst();
	}

	Pipeline withStages(List<Stage> stages) {
		return new Pipeline(id, name, position, template, archived, version, stages);
	}
}
