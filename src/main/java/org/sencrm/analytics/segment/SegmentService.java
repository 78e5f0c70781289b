package org.sencrm.analytics.segment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments: saving them (every role but viewers; changed and deleted by their owner, or by
 * managers and administrators), their members, counts and the SQL condition "in the segment".
 * Members are whatever the rule matches at the moment of asking, among the customers the caller's
 * workspace holds outside the trash; static lists hold the customers added to them.
 */
@Service
public class SegmentService {

	public static final int MAX_NAME = 200;
	public static final int MAX_PAGE = 200;
	public static final int MAX_MEMBERS_AT_ONCE = 1000;

	private final SegmentRepository segments;
	private final Access access;
	private final History history;
	private final Clock clock;

	SegmentService(SegmentRepository segments, Access access, History history, Clock clock) {
		this.segments = segments;
		this.access = access;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Segment> list(String type) {
		return segments.all(type);
	}

	@Transactional(readOnly = true)
	public Segment get(UUID id) {
		return segments.find(id).orElseThrow(() -> new NotFoundException("entity.segment"));
	}

	@Transactional
	public Segment create(SegmentDraft draft) {
		access.requireWrite();
		var isStatic = Boolean.TRUE.equals(draft.isStatic());
		var problems = new ValidationException.Collector();
		var name = name(draft.name(), problems);
		var type = draft.type();
		if (type == null || !List.of("person", "organization").contains(type)) {
			problems.add("type", "segment.type-invalid");
		}
		checkRule(isStatic, draft, type, problems);
		problems.throwIfAny();
		var now = Instant.now(clock);
		var segment = new Segment(Ids.next(), name, type, isStatic, isStatic ? null : draft.rule(), access.currentUser().id(), now, now, 0);
		segments.insert(segment);
		history.created(Segment.ENTITY, segment.id(), segment.historyValues());
		return segment;
	}

	/** Changes name and rule; the type and whether it is a static list stay as created (422 when a draft changes them). */
	@Transactional
	public Segment update(UUID id, SegmentDraft draft, int expectedVersion) {
		var current = get(id);
		requireEdit(current);
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var problems = new ValidationException.Collector();
		var name = name(draft.name(), problems);
		if (draft.type() != null && !draft.type().equals(current.type())) {
			problems.add("type", "segment.fixed");
		}
		if (draft.isStatic() != null && draft.isStatic() != current.isStatic()) {
			problems.add("static", "segment.fixed");
		}
		checkRule(current.isStatic(), draft, current.type(), problems);
		problems.throwIfAny();
		var changed = new Segment(id, name, current.type(), current.isStatic(), current.isStatic() ? null : draft.rule(), current.ownerId(),
				current.createdAt(), Instant.now(clock), expectedVersion + 1);
		if (!segments.update(changed, expectedVersion)) {
			throw new StaleVersionException();
		}
		history.updated(Segment.ENTITY, id, current.historyValues(), changed.historyValues());
		return changed;
	}

	/**
	 * Deletes the segment for good (decision 47: a segment is a saved question, not a customer
	 * record, so it does not go through the trash); its history stays.
	 */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var current = get(id);
		requireEdit(current);
		if (!segments.delete(id, expectedVersion)) {
			throw new StaleVersionException();
		}
		history.deleted(Segment.ENTITY, id, current.historyValues());
	}

	/** Adds customers to a static list; returns how many of the ids were customers of its type (the others are a 422). */
	@Transactional
	public int addMembers(UUID id, List<UUID> ids) {
		var segment = editableList(id, ids);
		var found = segments.addMembers(id, table(segment.type()), ids, Timestamp.from(Instant.now(clock)));
		if (found < ids.stream().distinct().count()) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("ids", "segment.members.unknown")));
		}
		return found;
	}

	@Transactional
	public int removeMembers(UUID id, List<UUID> ids) {
		editableList(id, ids);
		return segments.removeMembers(id, ids);
	}

	@Transactional(readOnly = true)
	public long count(UUID id) {
		var segment = get(id);
		return segments.count(table(segment.type()), condition(segment, "sg_"));
	}

	/** One page of members, by name; the cursor is the previous page's {@code nextCursor}. */
	@Transactional(readOnly = true)
	public SegmentRepository.MemberPage members(UUID id, String cursor, int limit) {
		var segment = get(id);
		var person = "person".equals(segment.type());
		return segments.members(table(segment.type()), person ? "display_name" : "search_name", nameExpression(segment.type()),
				condition(segment, "sg_"), cursor, Math.max(1, Math.min(limit, MAX_PAGE)));
	}

	/** Member ids after {@code after} in id order, for other modules walking a segment. */
	@Transactional(readOnly = true)
	public List<UUID> memberIds(UUID id, UUID after, int limit) {
		var segment = get(id);
		return segments.memberIds(table(segment.type()), condition(segment, "sg_"), after, Math.max(1, Math.min(limit, 10_000)));
	}

	@Transactional(readOnly = true)
	public boolean contains(UUID id, UUID customerId) {
		var segment = get(id);
		return segments.contains(table(segment.type()), condition(segment, "sg_"), customerId);
	}

	/** How many customers a rule not yet saved matches: the editor's live count. */
	@Transactional(readOnly = true)
	public long countRule(String type, tools.jackson.databind.JsonNode rule) {
		if (!List.of("person", "organization").contains(type)) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("type", "segment.type-invalid")));
		}
		return segments.count(table(type), RuleSql.compile(RuleParser.parse(rule, type), type, "sg_", clock));
	}

	/** The condition "in this segment" over a customer row {@code r}, its values named after {@code prefix}. */
	public RuleSql.Compiled condition(Segment segment, String prefix) {
		if (segment.isStatic()) {
			var name = prefix + "segment";
			return new RuleSql.Compiled("r.id in (select m.customer_id from segment_members m where m.workspace_id = :ws and m.segment_id = :"
					+ name + ")", Map.of(name, segment.id()));
		}
		return RuleSql.compile(RuleParser.parse(segment.rule(), segment.type()), segment.type(), prefix, clock);
	}

	/** A customer's name as lists show it, over a row {@code r}: a person's in their own order (display_name is the folded sort key). */
	public static String nameExpression(String type) {
		return "person".equals(type) ? "case when r.name_order = 'given_first' then concat_ws(' ', r.given_name, r.middle_name, r.family_name)"
				+ " else concat_ws(' ', r.family_name, r.middle_name, r.given_name) end" : "r.name";
	}

	public static String table(String type) {
		return "person".equals(type) ? "persons" : "organizations";
	}

	/** May the current user change this segment (its owner, or one who edits everything)? */
	public boolean mayEdit(Segment segment) {
		var user = access.currentUser();
		return user.role().writes() && (user.role().editsEverything() || user.id().equals(segment.ownerId()));
	}

	private void requireEdit(Segment segment) {
		if (!mayEdit(segment)) {
			throw new org.sencrm.platform.AccessDeniedException("edit");
		}
	}

	private Segment editableList(UUID id, List<UUID> ids) {
		var segment = get(id);
		requireEdit(segment);
		if (!segment.isStatic()) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("ids", "segment.not-static")));
		}
		if (ids == null || ids.isEmpty() || ids.size() > MAX_MEMBERS_AT_ONCE) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("ids", "segment.rule.value.list")));
		}
		return segment;
	}

	private static String name(String given, ValidationException.Collector problems) {
		var name = given == null ? "" : given.strip();
		if (name.isEmpty()) {
			problems.add("name", "validation.required");
		} else if (name.length() > MAX_NAME) {
			problems.add("name", "validation.too-long");
		}
		return name;
	}

	private static void checkRule(boolean isStatic, SegmentDraft draft, String type, ValidationException.Collector problems) {
		var hasRule = draft.rule() != null && !draft.rule().isNull();
		if (isStatic && hasRule) {
			problems.add("rule", "segment.static-without-rule");
		} else if (!isStatic && !hasRule) {
			problems.add("rule", "validation.required");
		} else if (!isStatic && type != null && List.of("person", "organization").contains(type)) {
			try {
				RuleParser.parse(draft.rule(), type);
			} catch (ValidationException e) {
				e.problems().forEach(p -> problems.add(p.field(), p.code(), p.arguments()));
			}
		}
	}
}
