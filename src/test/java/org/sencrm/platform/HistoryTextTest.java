package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class HistoryTextTest {

	final StaticMessageSource messages = new StaticMessageSource();
	final HistoryText text = new HistoryText(messages);
	final HistoryText.Reading upperCase = new HistoryText.Reading() {
		@Override
		public String label(String field) {
			return "[" + field + "]";
		}

		@Override
		public String value(History.Entry entry, String field, Object value, boolean before) {
			return (before ? "was " : "") + String.valueOf(value).toUpperCase(Locale.ROOT);
		}
	};

	HistoryTextTest() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		messages.addMessage("history.updated", Locale.ENGLISH, "changed");
		messages.addMessage("history.system", Locale.ENGLISH, "Sen CRM");
		messages.addMessage("history.erasedValue", Locale.ENGLISH, "(erased)");
	}

	@Test
	void linesFollowTheFormsOrderAndUnknownFieldsComeLast() {
		var changes = new LinkedHashMap<String, History.Change>();
		changes.put("zeta", new History.Change(null, "z"));
		changes.put("tags", new History.Change("a", "b"));
		changes.put("name", new History.Change("an", "bình"));
		var entry = new History.Entry(UUID.randomUUID(), "updated", null, null, Instant.EPOCH, changes);

		var change = text.of(List.of(entry), List.of("name", "tags"), upperCase).getFirst();

		assertThat(change.action()).isEqualTo("changed");
		assertThat(change.actor()).isEqualTo("Sen CRM");
		assertThat(change.lines()).containsExactly(new HistoryText.Line("[name]", "was AN", "BÌNH"),
				new HistoryText.Line("[tags]", "was A", "B"), new HistoryText.Line("[zeta]", "", "Z"));
	}

	@Test
	void anErasedValueReadsAsErasedWhateverTheKindDoesWithValues() {
		var changes = new LinkedHashMap<String, History.Change>();
		changes.put("name", new History.Change(History.ERASED, History.ERASED));
		var entry = new History.Entry(UUID.randomUUID(), "erased", UUID.randomUUID(), "Admin", Instant.EPOCH, changes);

		var change = text.of(List.of(entry), List.of(), upperCase).getFirst();

		assertThat(change.actor()).isEqualTo("Admin");
		assertThat(change.action()).isEqualTo("erased");
		assertThat(change.lines()).containsExactly(new HistoryText.Line("[name]", "(erased)", "(erased)"));
	}
}
