package org.sencrm.analytics.segment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.CustomerSets;
import org.sencrm.directory.Customers;
import org.springframework.stereotype.Component;

/** Segments as the directory's named customer sets: its lists and exports filter by {@code ?segment=}. */
@Component
class SegmentCustomerSets implements CustomerSets {

	private final SegmentRepository repository;
	private final SegmentService segments;

	SegmentCustomerSets(SegmentRepository repository, SegmentService segments) {
		this.repository = repository;
		this.segments = segments;
	}

	@Override
	public Optional<Condition> condition(Customers.Kind kind, UUID setId) {
		var type = type(kind);
		return repository.find(setId).filter(s -> s.type().equals(type)).map(s -> {
			var compiled = segments.condition(s, "segment_");
			return new Condition(compiled.sql(), compiled.params());
		});
	}

	@Override
	public List<Choice> choices(Customers.Kind kind) {
		return repository.all(type(kind)).stream().map(s -> new Choice(s.id(), s.name())).toList();
	}

	private static String type(Customers.Kind kind) {
		return kind == Customers.Kind.PERSON ? "person" : "organization";
	}
}
