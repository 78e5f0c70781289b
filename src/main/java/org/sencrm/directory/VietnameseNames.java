package org.sencrm.directory;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Recognises a Vietnamese name, which is written family name first (decision 24). A name is
 * Vietnamese when every word of it is spelled as a Vietnamese syllable can be, and it shows it:
 * a letter with a Vietnamese mark (đ ă â ê ô ơ ư, a tone), or a common Vietnamese family name.
 *
 * <ul>
 * <li>Syllables: only the letters of Vietnamese (no f, j, w, z, no ö å ñ ç é-only spellings such
 * as "Chloé"), an initial consonant, a vowel group and a final as Vietnamese writes them. So
 * "Michael Nguyen", "Peter Nguyễn" and "Anna Lindqvist" are not Vietnamese names, whatever their
 * family name or letters: they are written given name first.</li>
 * <li>Family name: the first word of the family name (or of the whole name when no family name is
 * given), compared without accents, so "Nguyen Van An" typed without accents is recognised.</li>
 * <li>Some family names are also common words or names elsewhere when written without accents
 * ("Le", "Ly", "Ha", "Kim", "Mai"…): without accents they count only in a name of three words or
 * more, as most Vietnamese names are ("Le Van Tam", not "Tom Le"). With accents ("Lê", "Lý") the
 * letters decide anyway.</li>
 * </ul>
 *
 * <p>The migration that gave existing persons their order has the same rule in SQL
 * ({@code sen_name_order}, V60); {@code PersonNameOrderMigrationTest} keeps the two the same.
 */
final class VietnameseNames {

	/** Common Vietnamese family names, as written with accents. */
	static final List<String> FAMILY_NAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
			"Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Đào",
			"Cao", "Lưu", "Hà", "Tạ", "Tô", "Quách", "Lương", "Thái", "Châu", "Chu", "Phùng", "Vương", "Kiều", "Tăng",
			"Triệu", "Đàm", "Lã", "Lữ", "La", "Lạc", "Mạc", "Nghiêm", "Ninh", "Phí", "Quan", "Thân", "Thạch", "Tôn", "Từ",
			"Văn", "Vi", "Viên", "Khúc", "Khổng", "Kim", "Lục", "Âu", "Bạch", "Bế", "Bì", "Cầm", "Cấn", "Chử", "Chung", "Cù",
			"Cung", "Diệp", "Doãn", "Dư", "Đậu", "Đồng", "Đổng", "Đới", "Đường", "Giang", "Giáp", "Hàn", "Hầu", "Hoa",
			"Hồng", "Hứa", "Kha", "Khuất", "Khương", "Lại", "Lăng", "Liễu", "Lò", "Lỗ", "Lộc", "Mã", "Mạnh", "Mẫn", "Ngụy",
			"Nhâm", "Nhan", "Nông", "Ông", "Phó", "Phương", "Quản", "Sầm", "Sơn", "Thi", "Thiều", "Tiêu", "Tống", "Trà",
			"Trang", "Trình", "Tưởng", "Ứng", "Uông", "Vưu", "Xa", "Yên");

	/** Family names that, without accents, are also common words or names in other languages. */
	static final Set<String> SHORT_ELSEWHERE = Set.of("le", "ly", "la", "lu", "ha", "ho", "lo", "ma", "mai", "kim", "cao",
			"lam", "chu", "chung", "to", "ta", "do", "tang", "mac", "vi", "ton", "tong", "han", "hong", "dong", "chau",
			"thai", "quan", "tu", "du", "kha", "hoa", "lai", "lang", "lac", "loc", "man", "manh", "ong", "sam", "son",
			"thi", "trang", "van", "xa", "yen", "bi", "be", "cam", "can", "cu", "cung", "phuong", "giang", "lieu", "nhan",
			"nham", "dau", "hau", "hua", "dam", "than", "phi", "pho", "vien", "ninh", "tieu", "tra", "ung", "bach", "au",
			"luc");

	/** Letters with Vietnamese marks, lower case, and the same letters without them (also used by the SQL twin). */
	static final String MARKED = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
	static final String PLAIN = "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy";
	/** The letters of Vietnamese without marks: the Latin alphabet without f, j, w, z. */
	static final String LETTERS = "abcdeghiklmnopqrstuvxy";
	/** How Vietnamese spells a syllable without its marks: initial consonant, vowel group, final consonant. */
	static final String SYLLABLE = "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
			+ "(uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uy|uo|uu|ye|a|e|i|o|u|y)"
			+ "(ch|ng|nh|c|m|n|p|t)?$";

	private static final Pattern WORD_BREAK = Pattern.compile("[ \\t\\n\\x0B\\f\\r-]+");
	private static final Pattern SYLLABLE_PATTERN = Pattern.compile(SYLLABLE);
	private static final Set<String> FOLDED_FAMILY_NAMES = FAMILY_NAMES.stream().map(n -> plain(lower(n)))
			.collect(Collectors.toUnmodifiableSet());

	private VietnameseNames() {
	}

	static boolean recognises(String family, String middle, String given) {
		var words = words(Stream.of(family, middle, given).filter(p -> p != null).collect(Collectors.joining(" ")));
		if (words.isEmpty() || !words.stream().allMatch(VietnameseNames::syllable)) {
			return false;
		}
		if (words.stream().anyMatch(w -> w.chars().anyMatch(c -> MARKED.indexOf(c) >= 0))) {
			return true;
		}
		var familyWords = words(family);
		var surname = plain((familyWords.isEmpty() ? words : familyWords).getFirst());
		return FOLDED_FAMILY_NAMES.contains(surname) && (!SHORT_ELSEWHERE.contains(surname) || words.size() >= 3);
	}

	/** Is this one of the common family names (accents ignored)? */
	static boolean familyName(String word) {
		var words = words(word);
		return words.size() == 1 && FOLDED_FAMILY_NAMES.contains(plain(words.getFirst()));
	}

	private static boolean syllable(String word) {
		return word.chars().allMatch(c -> LETTERS.indexOf(c) >= 0 || MARKED.indexOf(c) >= 0)
				&& SYLLABLE_PATTERN.matcher(plain(word)).matches();
	}

	/** Lower case words, split at white space and hyphens. */
	private static List<String> words(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(WORD_BREAK.split(lower(text))).filter(w -> !w.isEmpty()).toList();
	}

	private static String lower(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	private static String plain(String word) {
		var out = new StringBuilder(word.length());
		word.chars().forEach(c -> {
			var i = MARKED.indexOf(c);
			out.append(i >= 0 ? PLAIN.charAt(i) : (char) c);
		});
		return out.toString();
	}
}
