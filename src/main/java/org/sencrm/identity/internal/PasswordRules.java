package org.sencrm.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, wherever one is set (a new user, a change, a reset, a temporary
 * password, the first administrator): {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, not
 * guessable by a strength estimator (zxcvbn, which ships lists of common and breached passwords,
 * names and words), and not made of the user's own name or email. Each refusal says why.
 */
@Component
class PasswordRules {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;
	/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses and more. */
	private static final int MIN_SCORE = 3;
	private static final Pattern PARTS = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** Loaded on first use: the estimator's dictionaries take a moment to read. */
	private volatile Zxcvbn estimator;

	/**
	 * Adds the reason the password is refused, if it is, under {@code field}. {@code personal}
	 * holds what the password must not be made of: the user's email and name.
	 */
	void check(String password, String field, ValidationException.Collector problems, String... personal) {
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add(field, "validation.password-length", MIN_LENGTH);
			return;
		}
		if (password.length() > MAX_LENGTH) {
			problems.add(field, "validation.password-too-long", MAX_LENGTH);
			return;
		}
		var inputs = personalWords(personal);
		var strength = estimator().measure(password, inputs);
		var personalChars = 0;
		var common = false;
		for (var match : strength.getSequence()) {
			if (match.pattern == com.nulabinc.zxcvbn.Pattern.Dictionary && "user_inputs".equals(match.dictionaryName)) {
				personalChars += match.token.length();
			}
			if (match.pattern == com.nulabinc.zxcvbn.Pattern.Dictionary && "passwords".equals(match.dictionaryName)) {
				common = true;
			}
		}
		var folded = SearchText.fold(password).replaceAll("[^a-z0-9]", "");
		var containsWholeName = inputs.stream().anyMatch(word -> word.length() >= 6 && folded.contains(word));
		if (containsWholeName || personalChars * 2 >= password.length()
				|| (strength.getScore() < MIN_SCORE && personalChars > 0)) {
			problems.add(field, "validation.password-personal");
		} else if (strength.getScore() < MIN_SCORE) {
			problems.add(field, common ? "validation.password-common" : "validation.password-guessable");
		}
	}

	/** The email, its local part and its pieces, and each word of the name, folded as search folds them. */
	private static List<String> personalWords(String... personal) {
		var words = new ArrayList<String>();
		for (var text : personal) {
			if (text == null || text.isBlank()) {
				continue;
			}
			var folded = SearchText.fold(text);
			words.add(folded);
			var local = folded.contains("@") ? folded.substring(0, folded.indexOf('@')) : folded;
			words.add(local.replaceAll("[^a-z0-9]", ""));
			for (var part : PARTS.split(local)) {
				if (part.length() >= 3) {
					words.add(part);
				}
			}
		}
		return words.stream().filter(w -> !w.isBlank()).distinct().toList();
	}

	private Zxcvbn estimator() {
		var loaded = estimator;
		if (loaded == null) {
			synchronized (this) {
				if (estimator == null) {
					estimator = new Zxcvbn();
				}
				loaded = estimator;
			}
		}
		return loaded;
	}
}
