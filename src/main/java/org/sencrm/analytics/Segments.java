package org.sencrm.analytics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.analytics.segment.SegmentService;
import org.springframework.stereotype.Component;

/**
 * What other modules (campaigns and automation, later) may ask about segments: the members page by
 * page, the SQL condition "in this segment" for their own set-based statements, whether one customer
 * is in it, how many it holds. Members are evaluated when asked, so they are always current; a
 * segment the workspace does not have is a 404 ({@code NotFoundException}).
 */
@Component
public class Segments {

	/**
	 * A condition over a customer row aliased {@code r} ({@code persons} or {@code organizations},
	 * as {@code customerType} says), written by code; its values are in {@code params}, whose names
	 * start with the prefix asked for; {@code :ws} must be bound to the current workspace.
	 */
	public record Condition(String customerType, String sql, Map<String, Object> params) {
	}

	private final SegmentService segments;

	Segments(SegmentService segments) {
		this.segments = segments;
	}

	/** Up to {@code limit} member ids greater than {@code after} (null: from the start), in id order. */
	public List<UUID> memberIds(UUID segmentId, UUID after, int limit) {
		return segments.memberIds(segmentId, after, limit);
	}

	/** The condition "is in this segment", its bound values named {@code prefix0, prefix1…}. */
	public Condition inSegment(UUID segmentId, String prefix) {
		var segment = segments.get(segmentId);
		var compiled = segments.condition(segment, prefix);
		return new Condition(segment.type(), compiled.sql(), compiled.params());
	}

	/** Whether the customer (of the segment's type) is in the segment now. */
	public boolean contains(UUID segmentId, UUID customerId) {
		return segments.contains(segmentId, customerId);
	}

	public long count(UUID segmentId) {
		return segments.count(segmentId);
	}
}
