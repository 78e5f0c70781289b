package org.sencrm.sales.pipeline;

import java.util.List;
import java.util.UUID;

/**
 * A stage of a pipeline: its place in the order, the probability that an opportunity in it is won
 * (0–100, what the weighted forecast multiplies by), and its kind — open stages are worked on, an
 * opportunity in a won or lost stage is closed.
 */
public record Stage(UUID id, UUID pipelineId, String name, int probability, int position, String kind, boolean archived,
		int version) {

	public static final String OPEN = "open";
	public static final String WON = "won";
	public static final String LOST = "lost";
	public static final List<String> KINDS = List.of(OPEN, WON, LOST);

	public boolean open() {
		return OPEN.equals(kind);
	}

	public boolean won() {
		return WON.equals(kind);
	}

	public boolean lost() {
		return LOST.equals(kind);
	}

	public boolean closed() {
		return !open();
	}
}
