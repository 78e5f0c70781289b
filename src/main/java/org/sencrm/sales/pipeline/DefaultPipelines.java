package org.sencrm.sales.pipeline;

import java.util.List;
import java.util.Locale;

import org.sencrm.identity.UserDirectory;
import org.sencrm.identity.WorkspaceCreated;
import org.sencrm.platform.Ids;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two pipelines every workspace starts with, named in the workspace's language (the names are
 * then ordinary text the workspace may change):
 * <ul>
 * <li>B2B, the organizational purchase process: need recognition → specification → supplier
 * search → proposal → evaluation and selection (open stages), then <em>order</em> and
 * <em>performance review</em>, both won stages — the customer's order is the win; in performance
 * review the customer judges the delivery, which decides the next purchase — and <em>lost</em>;</li>
 * <li>B2C, a short consumer sale: new → contacted → offer → won / lost.</li>
 * </ul>
 * Made in the transaction that creates the workspace, so a new workspace has them from its first
 * request; workspaces made before the sales module get them on their first look at the pipelines.
 */
@Component
class DefaultPipelines {

	private record Template(String key, String nameKey, List<StageDraft> stages) {
	}

	private static final List<Template> TEMPLATES = List.of(
			new Template("b2b", "sales.default.b2b", List.of(
					stage("sales.default.b2b.need", 10, Stage.OPEN),
					stage("sales.default.b2b.specification", 20, Stage.OPEN),
					stage("sales.default.b2b.supplierSearch", 30, Stage.OPEN),
					stage("sales.default.b2b.proposal", 50, Stage.OPEN),
					stage("sales.default.b2b.evaluation", 70, Stage.OPEN),
					stage("sales.default.b2b.order", 100, Stage.WON),
					stage("sales.default.b2b.review", 100, Stage.WON),
					stage("sales.default.lost", 0, Stage.LOST))),
			new Template("b2c", "sales.default.b2c", List.of(
					stage("sales.default.b2c.new", 10, Stage.OPEN),
					stage("sales.default.b2c.contacted", 30, Stage.OPEN),
					stage("sales.default.b2c.offer", 60, Stage.OPEN),
					stage("sales.default.won", 100, Stage.WON),
					stage("sales.default.lost", 0, Stage.LOST))));

	private final PipelineRepository repository;
	private final UserDirectory users;
	private final MessageSource messages;

	DefaultPipelines(PipelineRepository repository, UserDirectory users, MessageSource messages) {
		this.repository = repository;
		this.users = users;
		this.messages = messages;
	}

	/** In the creating transaction, which is bound to the new workspace. */
	@EventListener
	void on(WorkspaceCreated created) {
		create();
	}

	/** For a workspace made before the sales module: on its first look at the pipelines, which may be read-only. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void createInOwnTransaction() {
		create();
	}

	/** Makes the default pipelines of the current workspace, unless they exist (also when made concurrently). */
	void create() {
		var locale = Locale.forLanguageTag(users.workspace().defaultLanguage());
		var position = repository.nextPosition();
		for (var template : TEMPLATES) {
			var id = Ids.next();
			if (!repository.insert(id, text(template.nameKey(), locale), position++, template.key())) {
				continue;
			}
			var stages = template.stages();
			for (int i = 0; i < stages.size(); i++) {
				var stage = stages.get(i);
				repository.insertStage(new Stage(Ids.next(), id, text(stage.name(), locale), stage.probability(), i, stage.kind(),
						false, 0));
			}
		}
	}

	/** Stages of a pipeline made without any: one open stage, won and lost, in the workspace's language. */
	List<StageDraft> simpleStages() {
		var locale = Locale.forLanguageTag(users.workspace().defaultLanguage());
		return List.of(new StageDraft(text("sales.default.b2c.new", locale), 10, Stage.OPEN, null, null),
				new StageDraft(text("sales.default.won", locale), 100, Stage.WON, null, null),
				new StageDraft(text("sales.default.lost", locale), 0, Stage.LOST, null, null));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static StageDraft stage(String nameKey, int probability, String kind) {
		return new StageDraft(nameKey, probability, kind, null, null);
	}
}
