package org.sencrm.directory.lifecycle;

import java.util.List;

import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.platform.ValidationException;

/**
 * Where an existing customer — person or organization — stands: first-time, repeat, regular or
 * loyal buyer, or lapsing (at risk, churned). Sales moves it from orders; people may set it by
 * hand. Labels are the messages {@code lifecycle.stage.<stage>}.
 */
public final class LifecycleStage {

	public static final List<String> ALL = List.of("first_time", "repeat", "regular", "loyal", "at_risk", "churned");
	public static final String FIELD = "lifecycleStage";

	private LifecycleStage() {
	}

	/** The stage to store: blank is none; one not in {@link #ALL} is a {@code validation.choice} problem on the field. */
	public static String checked(String given, ValidationException.Collector problems) {
		var stage = ContactDetails.blankToNull(given);
		if (stage != null && !ALL.contains(stage)) {
			problems.add(FIELD, "validation.choice");
			return null;
		}
		return stage;
	}
}
