package org.sencrm.sales.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipelines of the workspace and their stages. Everyone reads them; administrators and
 * managers add, rename, reorder and archive them. Rules: an open stage's probability lies in
 * 0–100 (a won stage's is 100, a lost stage's 0); a stage's kind never changes; an active pipeline keeps at least
 * one active stage of each kind; a stage is archived only when no open opportunity is in it.
 */
@Service
public class Pipelines {

	static final String PIPELINE = "pipeline";
	static final String STAGE = "stage";
	private static final int MAX_NAME = 100;

	private final PipelineRepository repository;
	private final DefaultPipelines defaults;
	private final Access access;
	private final History history;

	Pipelines(PipelineRepository repository, DefaultPipelines defaults, Access access, History history) {
		this.repository = repository;
		this.defaults = defaults;
		this.access = access;
		this.history = history;
	}

	/** Every pipeline with its stages, in order; a workspace older than the sales module gets its defaults here. */
	@Transactional(readOnly = true)
	public List<Pipeline> all() {
		var pipelines = repository.all();
		if (pipelines.isEmpty()) {
			defaults.createInOwnTransaction();
			pipelines = repository.all();
		}
		return pipelines;
	}

	@Transactional(readOnly = true)
	public Pipeline get(UUID id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("entity.pipeline"));
	}

	@Transactional(readOnly = true)
	public Stage stage(UUID id) {
		return repository.stage(id).orElseThrow(() -> new NotFoundException("entity.stage"));
	}

	@Transactional
	public Pipeline create(PipelineDraft draft) {
		requireManage();
		var problems = new ValidationException.Collector();
		var name = name(draft.name(), "name", problems);
		var stages = draft.stages() == null || draft.stages().isEmpty() ? defaults.simpleStages() : draft.stages();
		var kinds = new ArrayList<String>();
		for (int i = 0; i < stages.size(); i++) {
			var stage = stages.get(i);
			name(stage.name(), "stages[" + i + "].name", problems);
			var kind = stage.kind() == null ? Stage.OPEN : stage.kind();
			if (!Stage.KINDS.contains(kind)) {
				problems.add("stages[" + i + "].kind", "validation.choice");
			}
			probability(stage.probability(), kind, "stages[" + i + "].probability", problems);
			kinds.add(kind);
		}
		if (!kinds.containsAll(Stage.KINDS)) {
			problems.add("stages", "validation.stage-kinds");
		}
		problems.throwIfAny();
		var id = Ids.next();
		repository.insert(id, name, repository.nextPosition(), null);
		for (int i = 0; i < stages.size(); i++) {
			var stage = stages.get(i);
			var kind = stage.kind() == null ? Stage.OPEN : stage.kind();
			repository.insertStage(new Stage(Ids.next(), id, stage.name().strip(), probabilityOf(stage.probability(), kind), i,
					kind, false, 0));
		}
		history.created(PIPELINE, id, Map.of("name", name));
		return get(id);
	}

	/** Renames, moves or archives a pipeline ({@code null} fields stay as they are). */
	@Transactional
	public Pipeline update(UUID id, PipelineDraft draft, Integer expectedVersion) {
		requireManage();
		var current = get(id);
		var problems = new ValidationException.Collector();
		var name = draft.name() == null ? current.name() : name(draft.name(), "name", problems);
		var position = draft.position() == null ? current.position() : draft.position();
		if (position < 0) {
			problems.add("position", "validation.position");
		}
		if (draft.stages() != null) {
			problems.add("stages", "validation.stages-separately");
		}
		var archived = draft.archived() == null ? current.archived() : draft.archived();
		if (archived && !current.archived() && all().stream().filter(p -> !p.archived()).count() <= 1) {
			problems.add("archived", "validation.last-pipeline");
		}
		problems.throwIfAny();
		if (!repository.update(id, name, position, archived, expectedVersion == null ? current.version() : expectedVersion)) {
			throw new StaleVersionException();
		}
		history.updated(PIPELINE, id, Map.of("name", current.name(), "position", current.position(), "archived", current.archived()),
				Map.of("name", name, "position", position, "archived", archived));
		return get(id);
	}

	@Transactional
	public Stage addStage(UUID pipelineId, StageDraft draft) {
		requireManage();
		var pipeline = get(pipelineId);
		var problems = new ValidationException.Collector();
		var name = name(draft.name(), "name", problems);
		var kind = draft.kind() == null ? Stage.OPEN : draft.kind();
		if (!Stage.KINDS.contains(kind)) {
			problems.add("kind", "validation.choice");
		}
		probability(draft.probability(), kind, "probability", problems);
		if (Boolean.TRUE.equals(draft.archived())) {
			problems.add("archived", "validation.choice");
		}
		problems.throwIfAny();
		var stage = new Stage(Ids.next(), pipelineId, name, probabilityOf(draft.probability(), kind), pipeline.stages().size(), kind,
				false, 0);
		repository.insertStage(stage);
		var order = new ArrayList<>(pipeline.stages().stream().map(Stage::id).toList());
		order.add(Math.clamp(draft.position() == null ? defaultPosition(pipeline, kind) : draft.position(), 0, order.size()),
				stage.id());
		repository.renumber(order);
		history.created(STAGE, stage.id(), Map.of("name", name, "probability", stage.probability(), "kind", kind));
		return stage(stage.id());
	}

	/** Renames a stage, sets its probability, moves it to another position or archives it. */
	@Transactional
	public Stage updateStage(UUID pipelineId, UUID stageId, StageDraft draft, Integer expectedVersion) {
		requireManage();
		var pipeline = get(pipelineId);
		var current = pipeline.stage(stageId).orElseThrow(() -> new NotFoundException("entity.stage"));
		var problems = new ValidationException.Collector();
		var name = draft.name() == null ? current.name() : name(draft.name(), "name", problems);
		if (draft.kind() != null && !draft.kind().equals(current.kind())) {
			problems.add("kind", "validation.stage-kind-fixed");
		}
		if (draft.probability() != null) {
			probability(draft.probability(), current.kind(), "probability", problems);
		}
		var probability = draft.probability() == null || current.closed() ? current.probability() : draft.probability();
		var archived = draft.archived() == null ? current.archived() : draft.archived();
		if (archived && !current.archived()) {
			if (repository.openOpportunitiesIn(current) > 0) {
				problems.add("archived", "validation.stage-in-use");
			} else if (pipeline.activeStages().stream().filter(s -> s.kind().equals(current.kind())).count() <= 1) {
				problems.add("archived", "validation.stage-last-of-kind");
			}
		}
		if (draft.position() != null && draft.position() < 0) {
			problems.add("position", "validation.position");
		}
		problems.throwIfAny();
		var changed = new Stage(stageId, pipelineId, name, probability, current.position(), current.kind(), archived,
				current.version() + 1);
		if (!repository.updateStage(changed, expectedVersion == null ? current.version() : expectedVersion)) {
			throw new StaleVersionException();
		}
		if (draft.position() != null && draft.position() != current.position()) {
			var order = new ArrayList<>(pipeline.stages().stream().map(Stage::id).toList());
			order.remove(stageId);
			order.add(Math.min(draft.position(), order.size()), stageId);
			repository.renumber(order);
		}
		history.updated(STAGE, stageId, Map.of("name", current.name(), "probability", current.probability(), "archived",
				current.archived(), "position", current.position()), Map.of("name", name, "probability", probability, "archived",
				archived, "position", draft.position() == null ? current.position() : draft.position()));
		return stage(stageId);
	}

	/** May the current user manage pipelines? Administrators and managers. */
	public boolean canManage() {
		return access.currentUser().role().editsEverything();
	}

	private void requireManage() {
		if (!canManage()) {
			throw new AccessDeniedException("manage-pipelines");
		}
	}

	/** New open stages go before the first closed stage; won and lost stages go last. */
	private static int defaultPosition(Pipeline pipeline, String kind) {
		if (!Stage.OPEN.equals(kind)) {
			return pipeline.stages().size();
		}
		var stages = pipeline.stages();
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).closed()) {
				return i;
			}
		}
		return stages.size();
	}

	private static String name(String given, String field, ValidationException.Collector problems) {
		if (given == null || given.isBlank()) {
			problems.add(field, "validation.required");
			return null;
		}
		if (given.strip().length() > MAX_NAME) {
			problems.add(field, "validation.too-long");
		}
		return given.strip();
	}

	/** Open stages need a probability in 0–100; a won stage's is always 100 and a lost stage's 0, whatever is sent. */
	private static void probability(Integer probability, String kind, String field, ValidationException.Collector problems) {
		if (!Stage.OPEN.equals(kind)) {
			return;
		}
		if (probability == null) {
			problems.add(field, "validation.required");
		} else if (probability < 0 || probability > 100) {
			problems.add(field, "validation.probability");
		}
	}

	private static int probabilityOf(Integer given, String kind) {
		return switch (kind) {
			case Stage.WON -> 100;
			case Stage.LOST -> 0;
			default -> given == null ? 0 : given;
		};
	}
}
