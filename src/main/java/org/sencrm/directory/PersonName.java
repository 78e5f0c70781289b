package org.sencrm.directory;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person's name: its parts and the order it is written in. {@link #display()} is the one way a
 * person's full name is put together, for every page, list, document, export and email, in every
 * language of the reader (decision 24).
 */
public record PersonName(String family, String middle, String given, NameOrder order) {

	/** "Nguyễn Thị Yến" (family first), "Anna Maria Lindqvist" (given first); blank parts left out. */
	public String display() {
		var parts = order == NameOrder.FAMILY_FIRST ? Stream.of(family, middle, given) : Stream.of(given, middle, family);
		return parts.filter(p -> p != null && !p.isBlank()).map(String::strip).collect(Collectors.joining(" "));
	}

	/** A name as stored in {@code persons}: its three parts and {@code name_order}. */
	public static PersonName stored(String family, String middle, String given, String nameOrder) {
		return new PersonName(family, middle, given, NameOrder.stored(nameOrder));
	}

	/**
	 * The order of a name nobody chose an order for: family first for a Vietnamese name (see
	 * {@link VietnameseNames}), else the workspace's order for names it cannot recognise.
	 */
	public static NameOrder detect(String family, String middle, String given, NameOrder unrecognised) {
		return detect(family, middle, given, () -> unrecognised);
	}

	/** As {@link #detect(String, String, String, NameOrder)}, reading the workspace's order only when it is needed. */
	public static NameOrder detect(String family, String middle, String given, Supplier<NameOrder> unrecognised) {
		return VietnameseNames.recognises(family, middle, given) ? NameOrder.FAMILY_FIRST : unrecognised.get();
	}

	/** The name with its detected order. */
	public static PersonName detected(String family, String middle, String given, NameOrder unrecognised) {
		return new PersonName(family, middle, given, detect(family, middle, given, unrecognised));
	}

	/**
	 * A name written in one piece (an email sender's "Nguyễn Văn An", "Anna Lindqvist", "Yen
	 * Nguyen") split into its parts, in the order it was written: a Vietnamese family name in front
	 * is read family first, one at the end given first ("Yen Nguyen" is still a Vietnamese name,
	 * shown "Nguyen Yen"); other Vietnamese names are read family first, the rest in the
	 * workspace's order for names it cannot recognise. One word is a given name.
	 */
	public static PersonName split(String fullName, NameOrder unrecognised) {
		var words = fullName == null ? new String[0] : fullName.strip().split("\\s+");
		if (words.length < 2) {
			return new PersonName(null, null, words.length == 0 || words[0].isEmpty() ? null : words[0], unrecognised);
		}
		var first = words[0];
		var last = words[words.length - 1];
		var inner = words.length > 2 ? String.join(" ", Arrays.copyOfRange(words, 1, words.length - 1)) : null;
		if (VietnameseNames.familyName(first) && VietnameseNames.recognises(first, inner, last)) {
			return new PersonName(first, inner, last, NameOrder.FAMILY_FIRST);
		}
		if (VietnameseNames.familyName(last) && VietnameseNames.recognises(last, inner, first)) {
			return new PersonName(last, inner, first, NameOrder.FAMILY_FIRST);
		}
		if (VietnameseNames.recognises(first, inner, last) || unrecognised == NameOrder.FAMILY_FIRST) {
			return new PersonName(first, inner, last, NameOrder.FAMILY_FIRST);
		}
		return new PersonName(last, inner, first, NameOrder.GIVEN_FIRST);
	}
}
