package org.sencrm.sales.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pipelines and their stages in PostgreSQL; every statement names the workspace (and row-level security checks it). */
@Repository
class PipelineRepository {

	private final JdbcClient jdbc;

	PipelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Pipeline> all() {
		var pipelines = new LinkedHashMap<UUID, Pipeline>();
		jdbc.sql("select * from pipelines where workspace_id = :ws order by position, created_at, id")
				.param("ws", WorkspaceContext.workspaceId())
				.query(PipelineRepository::pipeline).list()
				.forEach(p -> pipelines.put(p.id(), p));
		var stages = new LinkedHashMap<UUID, List<Stage>>();
		jdbc.sql("select * from pipeline_stages where workspace_id = :ws order by pipeline_id, position, created_at, id")
				.param("ws", WorkspaceContext.workspaceId())
				.query(PipelineRepository::stage).list()
				.forEach(s -> stages.computeIfAbsent(s.pipelineId(), k -> new ArrayList<>()).add(s));
		return pipelines.values().stream().map(p -> p.withStages(List.copyOf(stages.getOrDefault(p.id(), List.of())))).toList();
	}

	Optional<Pipeline> find(UUID id) {
		return jdbc.sql("select * from pipelines where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query(PipelineRepository::pipeline).optional()
				.map(p -> p.withStages(stagesOf(id)));
	}

	List<Stage> stagesOf(UUID pipelineId) {
		return jdbc.sql("select * from pipeline_stages where workspace_id = :ws and pipeline_id = :p order by position, created_at, id")
				.param("ws", WorkspaceContext.workspaceId()).param("p", pipelineId)
				.query(PipelineRepository::stage).list();
	}

	Optional<Stage> stage(UUID id) {
		return jdbc.sql("select * from pipeline_stages where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query(PipelineRepository::stage).optional();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from pipelines where workspace_id = :ws)")
				.param("ws", WorkspaceContext.workspaceId()).query(Boolean.class).single();
	}

	int nextPosition() {
		return jdbc.sql("select coalesce(max(position) + 1, 0) from pipelines where workspace_id = :ws")
				.param("ws", WorkspaceContext.workspaceId()).query(Integer.class).single();
	}

	/** Inserts a pipeline; false when a pipeline of the same template exists already (made by a concurrent request). */
	boolean insert(UUID id, String name, int position, String template) {
		return jdbc.sql("""
				insert into pipelines (id, workspace_id, name, position, template) values (:id, :ws, :name, :position, :template)
				on conflict (workspace_id, template) where template is not null do nothing""")
				.param("id", id).param("ws", WorkspaceContext.workspaceId()).param("name", name).param("position", position)
				.param("template", template)
				.update() == 1;
	}

	boolean update(UUID id, String name, int position, boolean archived, int expectedVersion) {
		return jdbc.sql("""
				update pipelines set name = :name, position = :position, archived = :archived, version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("name", name).param("position", position).param("archived", archived)
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).param("version", expectedVersion)
				.update() == 1;
	}

	void insertStage(Stage stage) {
		jdbc.sql("""
				insert into pipeline_stages (id, workspace_id, pipeline_id, name, probability, kind, position, archived)
				values (:id, :ws, :pipeline, :name, :probability, :kind, :position, :archived)""")
				.param("id", stage.id()).param("ws", WorkspaceContext.workspaceId()).param("pipeline", stage.pipelineId())
				.param("name", stage.name()).param("probability", stage.probability()).param("kind", stage.kind())
				.param("position", stage.position()).param("archived", stage.archived())
				.update();
	}

	boolean updateStage(Stage stage, int expectedVersion) {
		return jdbc.sql("""
				update pipeline_stages set name = :name, probability = :probability, archived = :archived, version = version + 1
				where workspace_id = :ws and id = :id and version = :version""")
				.param("name", stage.name()).param("probability", stage.probability()).param("archived", stage.archived())
				.param("ws", WorkspaceContext.workspaceId()).param("id", stage.id()).param("version", expectedVersion)
				.update() == 1;
	}

	/** Numbers the stages of a pipeline 0, 1, 2… in the given order. */
	void renumber(List<UUID> stageIdsInOrder) {
		for (int i = 0; i < stageIdsInOrder.size(); i++) {
			jdbc.sql("update pipeline_stages set position = :position where workspace_id = :ws and id = :id and position <> :position")
					.param("position", i).param("ws", WorkspaceContext.workspaceId()).param("id", stageIdsInOrder.get(i))
					.update();
		}
	}

	/** How many open opportunities are in a stage (an archived stage must hold none). */
	long openOpportunitiesIn(Stage stage) {
		return jdbc.sql("""
				select count(*) from opportunities
				where workspace_id = :ws and pipeline_id = :pipeline and stage_id = :stage and status = 'open'""")
				.param("ws", WorkspaceContext.workspaceId()).param("pipeline", stage.pipelineId()).param("stage", stage.id())
				.query(Long.class).single();
	}

	private static Pipeline pipeline(ResultSet rs, int row) throws SQLException {
		return new Pipeline(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"), rs.getString("template"),
				rs.getBoolean("archived"), rs.getInt("version"), List.of());
	}

	private static Stage stage(ResultSet rs, int row) throws SQLException {
		return new Stage(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class), rs.getString("name"),
				rs.getInt("probability"), rs.getInt("position"), rs.getString("kind"), rs.getBoolean("archived"),
				rs.getInt("version"));
	}
}
