package org.sencrm.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names as they occur in a Vietnamese customer base: family names with their share of the
 * population (Nguyễn about 38 %), gendered middle and given names, two-word middle names now and
 * then, and about 15 % foreign customers.
 */
final class Names {

	record Name(String family, String middle, String given, boolean vietnamese) {
	}

	// Shares in percent, from population studies of Vietnamese family names; "others" share the rest.
	private static final Weighted<String> FAMILY = new Weighted<String>()
			.add("Nguyễn", 38.4).add("Trần", 12.1).add("Lê", 9.5).add("Phạm", 7.0).add("Hoàng", 3.4).add("Huỳnh", 1.7)
			.add("Phan", 4.5).add("Vũ", 2.2).add("Võ", 1.7).add("Đặng", 2.1).add("Bùi", 2.0).add("Đỗ", 1.4).add("Hồ", 1.3)
			.add("Ngô", 1.3).add("Dương", 1.0).add("Lý", 0.5)
			.add("Đinh", 0.9).add("Đoàn", 0.8).add("Trịnh", 0.7).add("Lâm", 0.6).add("Trương", 0.6).add("Mai", 0.5)
			.add("Cao", 0.5).add("Lương", 0.5).add("Hà", 0.5).add("Tạ", 0.4).add("Chu", 0.3).add("Lưu", 0.3)
			.add("Kiều", 0.2).add("Vương", 0.2).add("Thái", 0.2).add("Tô", 0.2).add("La", 0.1).add("Quách", 0.1)
			.add("Châu", 0.2).add("Tăng", 0.1).add("Triệu", 0.2).add("Khổng", 0.05).add("Âu", 0.05).add("Ông", 0.05);

	private static final Weighted<String> MIDDLE_MALE = new Weighted<String>()
			.add("Văn", 30).add("Minh", 10).add("Đức", 8).add("Quang", 7).add("Hữu", 6).add("Công", 5).add("Thành", 5)
			.add("Xuân", 4).add("Hoàng", 4).add("Quốc", 4).add("Tuấn", 3).add("Anh", 3).add("Trọng", 3).add("Đình", 3)
			.add("Gia", 3).add("Bảo", 2).add("Tiến", 2).add("Ngọc", 2).add("Duy", 2).add("Thanh", 2).add("Trung", 2);

	private static final Weighted<String> MIDDLE_FEMALE = new Weighted<String>()
			.add("Thị", 35).add("Ngọc", 9).add("Thu", 7).add("Thanh", 7).add("Thùy", 5).add("Minh", 4).add("Kim", 4)
			.add("Phương", 4).add("Bích", 3).add("Mỹ", 3).add("Hồng", 3).add("Diệu", 2).add("Khánh", 2).add("Bảo", 2)
			.add("Hoài", 2).add("Lan", 2).add("Quỳnh", 2).add("Tuyết", 1).add("Hải", 1).add("Như", 2);

	private static final Weighted<String> GIVEN_MALE = Weighted.byRank(List.of(
			"Anh", "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Long", "Hải", "Quân", "Huy", "Đức", "Thắng", "Sơn", "Hoàng",
			"Trung", "Phong", "Bình", "Cường", "Khang", "Khoa", "Duy", "Đạt", "Hiếu", "Phúc", "Tâm", "Thành", "Toàn", "Tùng",
			"Việt", "Vinh", "An", "Bảo", "Hưng", "Kiên", "Lộc", "Nghĩa", "Quang", "Tài", "Thịnh", "Khánh", "Hiển", "Trí",
			"Lâm", "Nhân", "Tiến", "Hậu", "Thiện", "Tú", "Vũ", "Định"), 4);

	private static final Weighted<String> GIVEN_FEMALE = Weighted.byRank(List.of(
			"Linh", "Hương", "Trang", "Anh", "Lan", "Mai", "Hà", "Thảo", "Ngọc", "Phương", "Hạnh", "Hoa", "Nga", "Yến",
			"Vy", "Chi", "Giang", "Huyền", "Hằng", "Hiền", "Dung", "Nhung", "Quỳnh", "Thủy", "Trâm", "Uyên", "Vân", "My",
			"Ngân", "Nhi", "Thư", "Tâm", "Loan", "Ly", "Oanh", "Diệp", "Hồng", "Liên", "Tuyết", "Xuân", "An", "Hân", "Châu",
			"Khuê", "Mơ", "Nguyệt", "Thoa", "Trinh", "Ánh", "Duyên"), 4);

	private static final Weighted<String> FOREIGN_GIVEN = Weighted.byRank(List.of(
			"John", "David", "Michael", "James", "Robert", "Daniel", "Thomas", "Peter", "Paul", "Mark", "Mary", "Anna",
			"Sarah", "Emma", "Laura", "Julia", "Sophie", "Linda", "Emily", "Jessica", "Pierre", "Marie", "Jean", "Hans",
			"Stefan", "Lukas", "Carlos", "Maria", "Ana", "Minjun", "Jiwoo", "Seoyeon", "Yuki", "Haruto", "Sakura", "Kenji",
			"Wei", "Jing", "Li", "Ming", "Somchai", "Siti", "Ahmad", "Raj", "Priya", "Olga", "Ivan", "Noah", "Liam", "Chloé"), 5);

	private static final Weighted<String> FOREIGN_FAMILY = Weighted.byRank(List.of(
			"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas",
			"Martin", "Müller", "Schmidt", "Schneider", "Dubois", "Lefèvre", "Moreau", "García", "Rodríguez", "López",
			"Kim", "Park", "Choi", "Jung", "Kang", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Sato", "Wang", "Zhang",
			"Liu", "Chen", "Yang", "Huang", "Wong", "Tan", "Lim", "Lee", "Singh", "Kumar", "Petrov", "Ivanova",
			"O'Brien", "Murphy", "Rossi", "Bianchi", "Novak"), 5);

	private Names() {
	}

	static Name person(SplittableRandom random) {
		if (random.nextDouble() < 0.15) {
			return new Name(FOREIGN_FAMILY.pick(random), null, FOREIGN_GIVEN.pick(random), false);
		}
		var female = random.nextBoolean();
		var middles = female ? MIDDLE_FEMALE : MIDDLE_MALE;
		var middle = middles.pick(random);
		var roll = random.nextDouble();
		if (roll < 0.12) {
			// "Nguyễn Thị Thu Hà": a second middle name
			var second = middles.pick(random);
			if (!second.equals(middle) && !second.equals("Thị") && !second.equals("Văn")) {
				middle = middle + " " + second;
			}
		} else if (roll < 0.15) {
			middle = null; // "Lê Na"
		}
		var given = (female ? GIVEN_FEMALE : GIVEN_MALE).pick(random);
		return new Name(FAMILY.pick(random), middle, given, true);
	}

	static List<String> familyNames() {
		return FAMILY.items();
	}
}
