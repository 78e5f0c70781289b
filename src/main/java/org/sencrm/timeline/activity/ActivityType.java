package org.sencrm.timeline.activity;

import java.util.Arrays;
import java.util.Optional;

/** The channel of a touchpoint. */
public enum ActivityType {
	NOTE, CALL, MEETING, EMAIL, SMS, CHAT, VISIT;

	public String key() {
		return name().toLowerCase();
	}

	public static Optional<ActivityType> of(String key) {
		return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
	}
}
