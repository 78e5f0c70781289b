package org.sencrm.directory.duplicates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How alike two records are: each known field compared with Jaro-Winkler on folded text (names,
 * email local parts, addresses) or exactly (emails, phones, tax codes, birthdays within a typo),
 * weighted into one score between 0 and 1, with the reasons a user reads ("same phone", "similar
 * name"). Fields one side does not know are left out of the average rather than counted against.
 * An exact email, phone or tax code in common raises the score however the names differ: the
 * records may well be one customer typed twice (decision 32).
 */
final class Likeness {

	/** Pairs below this are not kept by a scan. */
	static final double KEPT = 0.80;
	/** The evidence that scores 0.5. */
	private static final double CENTRE = 2.6;

	/** A pair's score and why. */
	record Score(double score, List<String> reasons) {
	}

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
	private static final LevenshteinDistance EDITS = new LevenshteinDistance(3);
	private static final Pattern SPACES = Pattern.compile(" +");
	/** Words of Vietnamese and English company names that say the legal form, not the name. */
	static final Set<String> LEGAL_FORMS = Set.of("cong", "ty", "tnhh", "co", "phan", "cp", "mtv", "thanh", "vien", "mot", "hai",
			"tu", "nhan", "dntn", "jsc", "ltd", "llc", "inc", "corp", "corporation", "company", "limited", "gmbh", "plc",
			"tap", "doan", "hop", "tac", "xa", "htx");

	private Likeness() {
	}

	/**
	 * Each field adds evidence for (agreeing) or against (disagreeing) the pair being one customer, in
	 * the manner of Fellegi and Sunter's weights: a field that says a lot when it agrees (an email)
	 * weighs more than one many share (a birthday); a field that often changes (an address) counts
	 * little when it differs. The sum becomes a score through a logistic curve that puts
	 * {@link #KEPT} at a sum of 7 — e.g. the same name and address, or a similar name and birthday.
	 */
	static Score of(Traits a, Traits b) {
		var reasons = new LinkedHashSet<String>();
		var evidence = 0.0;

		var name = nameSimilarity(a, b);
		evidence += nameEvidence(a, b, name);
		if (name >= 0.99) {
			reasons.add("same_name");
		} else if (name >= 0.85) {
			reasons.add("similar_name");
		}

		if (a.birthday() != null && b.birthday() != null) {
			var birthday = birthdaySimilarity(a.birthday(), b.birthday());
			evidence += birthday == 1 ? 5 : birthday >= 0.7 ? 2 : birthday > 0 ? 0.5 : -2;
			if (birthday == 1) {
				reasons.add("same_birthday");
			} else if (birthday >= 0.7) {
				reasons.add("similar_birthday");
			}
		}

		var sameEmail = !Collections.disjoint(a.emails(), b.emails());
		if (!a.emails().isEmpty() && !b.emails().isEmpty()) {
			if (sameEmail) {
				evidence += 6;
				reasons.add("same_email");
			} else {
				var local = bestOf(localParts(a.emails()), localParts(b.emails()));
				evidence += clamp(10 * (local - 0.85), -1, 2);
				if (local >= 0.92) {
					reasons.add("similar_email");
				}
			}
		}

		var samePhone = !Collections.disjoint(a.phones(), b.phones());
		if (!a.phones().isEmpty() && !b.phones().isEmpty()) {
			evidence += samePhone ? 6 : -1;
			if (samePhone) {
				reasons.add("same_phone");
			}
		}

		if (a.address() != null && b.address() != null) {
			var address = similarity(a.address(), b.address());
			evidence += clamp(20 * (address - 0.75), -1.5, 4);
			if (address >= 0.98) {
				reasons.add("same_address");
			} else if (address >= 0.85) {
				reasons.add("similar_address");
			}
		}

		if (!Collections.disjoint(a.organizations(), b.organizations())) {
			evidence += 1.5;
			reasons.add("same_organization");
		}

		var sameTaxCode = a.taxCode() != null && a.taxCode().equals(b.taxCode());
		if (a.taxCode() != null && b.taxCode() != null) {
			evidence += sameTaxCode ? 8 : -5;
			if (sameTaxCode) {
				reasons.add("same_tax_code");
			}
		}

		if (a.website() != null && a.website().equals(b.website())) {
			evidence += 3;
			reasons.add("same_website");
		}

		var score = 1 / (1 + Math.exp(-(evidence - CENTRE) / 2));
		if (sameEmail || samePhone || sameTaxCode) {
			// one customer typed twice, or two who share a key (a family's phone): either way a user should look
			score = Math.max(score, KEPT);
		}
		return new Score(Math.round(score * 1000) / 1000.0, List.copyOf(reasons));
	}

	/**
	 * The name's evidence, part by part (family, given; crossed over when that fits better): a part
	 * that agrees counts for, one that differs against, so one changed part (a married name) still
	 * leaves the other's agreement. With only one part on a side, the whole name's likeness counts.
	 */
	private static double nameEvidence(Traits a, Traits b, double name) {
		if (a.familyName() != null && a.givenName() != null && b.familyName() != null && b.givenName() != null) {
			var straight = part(similarity(a.familyName(), b.familyName())) + part(similarity(a.givenName(), b.givenName()));
			var crossed = part(similarity(a.familyName(), b.givenName())) + part(similarity(a.givenName(), b.familyName())) - 0.5;
			return Math.max(straight, crossed);
		}
		return name == 0 ? 0 : part(name) * 1.2;
	}

	private static double part(double similarity) {
		return clamp(20 * (similarity - 0.8), -1.5, 2.5);
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	/**
	 * Family with family and given with given, or crossed over (a name typed in the other order); when
	 * one side lacks a part, the parts both know; the middle name is left out (often dropped).
	 */
	static double nameSimilarity(Traits a, Traits b) {
		var af = a.familyName();
		var ag = a.givenName();
		var bf = b.familyName();
		var bg = b.givenName();
		if (af != null && ag != null && bf != null && bg != null) {
			var straight = (similarity(af, bf) + similarity(ag, bg)) / 2;
			var crossed = (similarity(af, bg) + similarity(ag, bf)) / 2 * 0.97;
			var joined = similarity(sortedWords(af + " " + ag), sortedWords(bf + " " + bg)) * 0.95;
			return Math.max(straight, Math.max(crossed, joined));
		}
		if (af == null && bf == null && ag != null && bg != null) {
			return similarity(ag, bg);
		}
		if (ag == null && bg == null && af != null && bf != null) {
			return similarity(af, bf);
		}
		var aParts = parts(af, ag);
		var bParts = parts(bf, bg);
		if (aParts.isEmpty() || bParts.isEmpty()) {
			return 0;
		}
		// one part known on a side: the best match of it, a little less sure than two parts agreeing
		return bestOf(aParts, bParts) * 0.9;
	}

	/** The same date, or a typo of it (one digit, day and month swapped) as 0.7; else 0. */
	static double birthdaySimilarity(LocalDate a, LocalDate b) {
		if (a.equals(b)) {
			return 1;
		}
		var x = a.toString().replace("-", "");
		var y = b.toString().replace("-", "");
		var edits = EDITS.apply(x, y);
		if (edits == 1 || swapped(x, y) || a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
			return 0.7;
		}
		if (edits == 2 && a.getYear() == b.getYear()) {
			return 0.4;
		}
		return 0;
	}

	/** One pair of neighbouring digits typed the other way round. */
	private static boolean swapped(String x, String y) {
		for (int i = 0; i + 1 < x.length(); i++) {
			if (x.charAt(i) != y.charAt(i)) {
				return x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i) && x.substring(i + 2).equals(y.substring(i + 2));
			}
		}
		return false;
	}

	static double similarity(String a, String b) {
		return JARO_WINKLER.apply(a, b);
	}

	private static double bestOf(List<String> as, List<String> bs) {
		var best = 0.0;
		for (var x : as) {
			for (var y : bs) {
				best = Math.max(best, similarity(x, y));
			}
		}
		return best;
	}

	private static List<String> localParts(List<String> emails) {
		return emails.stream().map(e -> e.contains("@") ? e.substring(0, e.indexOf('@')) : e).toList();
	}

	private static List<String> parts(String family, String given) {
		var parts = new ArrayList<String>();
		if (family != null) {
			parts.add(family);
		}
		if (given != null) {
			parts.add(given);
		}
		return parts;
	}

	static String sortedWords(String text) {
		return String.join(" ", SPACES.splitAsStream(text.strip()).sorted().toList());
	}
}
