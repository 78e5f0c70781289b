package org.sencrm.sales;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Keeps every sales event the application publishes, so tests can check what other modules would hear. */
@TestComponent
public class SalesEvents {

	public final List<Object> published = new CopyOnWriteArrayList<>();

	@EventListener
	void on(OpportunityStageChanged event) {
		published.add(event);
	}

	@EventListener
	void on(OpportunityWon event) {
		published.add(event);
	}

	@EventListener
	void on(OpportunityLost event) {
		published.add(event);
	}

	public <T> List<T> of(Class<T> type) {
		return published.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
