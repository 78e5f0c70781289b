package org.sencrm.timeline.activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Names of the colleagues and customers attending meetings, for the timeline panel: every user of
 * the workspace and the persons named by the entries and forms shown, looked up at once.
 */
@Component
class AttendeeNames {

	private final UserDirectory users;
	private final Customers customers;

	AttendeeNames(UserDirectory users, Customers customers) {
		this.users = users;
		this.customers = customers;
	}

	/** The names the templates show, by id (user and person ids are UUIDv7 and never the same). */
	public record Names(Map<UUID, String> byId) {

		public String name(UUID id) {
			return byId.getOrDefault(id, "?");
		}

		/** Who attends a meeting, colleagues first, as one line. */
		public String line(Activity activity) {
			return Stream.concat(activity.attendeeUserIds().stream(), activity.attendeePersonIds().stream()).map(this::name)
					.collect(Collectors.joining(", "));
		}
	}

	Names of(Collection<Activity> activities, Collection<UUID> morePersons) {
		var names = new HashMap<UUID, String>();
		users.users().forEach(u -> names.put(u.id(), u.displayName()));
		var persons = new HashSet<UUID>(morePersons);
		activities.forEach(a -> persons.addAll(a.attendeePersonIds()));
		names.putAll(customers.personNames(persons));
		return new Names(names);
	}
}
