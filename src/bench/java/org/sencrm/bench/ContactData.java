package org.sencrm.bench;

import java.util.List;
import java.util.SplittableRandom;

import org.sencrm.directory.contact.Address;
import org.sencrm.platform.SearchText;

/** Phones, emails and addresses as Vietnamese customers give them, typed the many ways people type them. */
final class ContactData {

	// Mobile prefixes (Viettel, MobiFone, VinaPhone, Vietnamobile, Gmobile), weighted roughly by subscribers; only
	// prefixes whose whole range libphonenumber accepts (not 089 or 099, which are valid only in part).
	private static final Weighted<String> MOBILE_PREFIXES = new Weighted<String>()
			.add("098", 8).add("097", 8).add("096", 7).add("086", 5).add("032", 3).add("033", 3).add("034", 3).add("035", 3)
			.add("036", 3).add("037", 3).add("038", 3).add("039", 3)
			.add("090", 7).add("093", 6).add("070", 2).add("076", 1).add("077", 2).add("078", 1).add("079", 2)
			.add("091", 6).add("094", 4).add("088", 3).add("081", 1).add("082", 1).add("083", 1).add("084", 1).add("085", 1)
			.add("092", 1).add("056", 0.5).add("058", 0.5).add("059", 0.2);

	private static final Weighted<String> EMAIL_DOMAINS = new Weighted<String>()
			.add("gmail.com", 70).add("yahoo.com", 9).add("outlook.com", 4).add("hotmail.com", 4).add("icloud.com", 3)
			.add("yahoo.com.vn", 3).add("fpt.vn", 1).add("vnn.vn", 1);

	private record Place(String province, List<String> districts, String landlineArea) {
	}

	private static final Weighted<Place> PLACES = new Weighted<Place>()
			.add(new Place("Hồ Chí Minh", List.of("Quận 1", "Quận 3", "Quận 7", "Quận 10", "Bình Thạnh", "Phú Nhuận", "Tân Bình",
					"Gò Vấp", "Thủ Đức", "Bình Tân"), "028"), 35)
			.add(new Place("Hà Nội", List.of("Ba Đình", "Hoàn Kiếm", "Đống Đa", "Cầu Giấy", "Hai Bà Trưng", "Thanh Xuân",
					"Hoàng Mai", "Long Biên", "Nam Từ Liêm", "Hà Đông"), "024"), 30)
			.add(new Place("Đà Nẵng", List.of("Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu"), "0236"), 6)
			.add(new Place("Hải Phòng", List.of("Hồng Bàng", "Lê Chân", "Ngô Quyền", "Hải An"), "0225"), 5)
			.add(new Place("Cần Thơ", List.of("Ninh Kiều", "Bình Thủy", "Cái Răng"), "0292"), 4)
			.add(new Place("Bình Dương", List.of("Thủ Dầu Một", "Dĩ An", "Thuận An"), "0274"), 6)
			.add(new Place("Đồng Nai", List.of("Biên Hòa", "Long Khánh", "Nhơn Trạch"), "0251"), 5)
			.add(new Place("Khánh Hòa", List.of("Nha Trang", "Cam Ranh"), "0258"), 3)
			.add(new Place("Quảng Ninh", List.of("Hạ Long", "Cẩm Phả", "Uông Bí"), "0203"), 3)
			.add(new Place("Thừa Thiên Huế", List.of("Huế", "Hương Thủy"), "0234"), 3);

	private static final List<String> STREETS = List.of("Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng",
			"Lý Thường Kiệt", "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Võ Văn Tần", "Nguyễn Huệ", "Phan Xích Long",
			"Lê Duẩn", "Nguyễn Thị Minh Khai", "Pasteur", "Trường Chinh", "Láng Hạ", "Kim Mã", "Xuân Thủy", "Nguyễn Văn Linh",
			"Hùng Vương", "Quang Trung", "Bạch Đằng", "Phạm Văn Đồng", "Tôn Đức Thắng", "Nguyễn Chí Thanh");

	private ContactData() {
	}

	/** A valid Vietnamese mobile number, typed in one of the common ways ("0901234567", "090 123 4567", "+84 90 ..."). */
	static String mobile(SplittableRandom random) {
		var prefix = MOBILE_PREFIXES.pick(random);
		var rest = String.format("%07d", random.nextInt(10_000_000));
		var national = prefix + rest;
		var roll = random.nextDouble();
		if (roll < 0.50) {
			return national;
		} else if (roll < 0.70) {
			return prefix + " " + rest.substring(0, 3) + " " + rest.substring(3);
		} else if (roll < 0.80) {
			return national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
		} else if (roll < 0.92) {
			return "+84" + national.substring(1);
		}
		return "+84 " + national.substring(1, 3) + " " + rest.substring(0, 3) + " " + rest.substring(3);
	}

	/** An office landline in the area of the address' province ("028 3823 4567"). */
	static String landline(SplittableRandom random) {
		var area = PLACES.pick(random).landlineArea();
		var digits = area.length() == 3 ? 8 : 7;
		var number = "3" + String.format("%0" + (digits - 1) + "d", random.nextInt((int) Math.pow(10, digits - 1)));
		return area + " " + number.substring(0, digits - 4) + " " + number.substring(digits - 4);
	}

	/** A personal email made from the name, as people pick them: "an.nguyen90@gmail.com", "nguyenvanan@yahoo.com". */
	static String personalEmail(Names.Name name, int birthYear, SplittableRandom random) {
		var family = ascii(name.family());
		var given = ascii(name.given());
		var middle = name.middle() == null ? "" : ascii(name.middle());
		var initials = name.middle() == null ? "" : initials(name.middle());
		var local = switch (random.nextInt(6)) {
			case 0 -> given + "." + family;
			case 1 -> family + middle + given;
			case 2 -> given + family;
			case 3 -> given + initials + family.charAt(0);
			case 4 -> family + "." + given;
			default -> given + "_" + family;
		};
		var suffix = random.nextDouble();
		if (suffix < 0.35) {
			local += birthYear % 100;
		} else if (suffix < 0.55) {
			local += birthYear;
		} else if (suffix < 0.80) {
			local += random.nextInt(1000);
		}
		return local + "@" + EMAIL_DOMAINS.pick(random);
	}

	static String workEmail(Names.Name name, String domain, SplittableRandom random) {
		var local = random.nextBoolean() ? ascii(name.given()) + "." + ascii(name.family())
				: ascii(name.given()) + (name.middle() == null ? "" : initials(name.middle())) + ascii(name.family()).charAt(0);
		return local + "@" + domain;
	}

	static Address address(SplittableRandom random) {
		var place = PLACES.pick(random);
		var district = place.districts().get(random.nextInt(place.districts().size()));
		var line1 = (1 + random.nextInt(400)) + (random.nextInt(5) == 0 ? "/" + (1 + random.nextInt(60)) : "") + " "
				+ STREETS.get(random.nextInt(STREETS.size()));
		var ward = "Phường " + (1 + random.nextInt(15));
		return new Address(random.nextInt(4) == 0 ? "Công ty" : "Nhà riêng", line1, null, ward, district, place.province(),
				null, null, "VN");
	}

	/** Lower-case ASCII without spaces: "Nguyễn Văn" gives "nguyenvan". */
	static String ascii(String text) {
		return SearchText.fold(text).replaceAll("[^a-z0-9]", "");
	}

	private static String initials(String words) {
		var result = new StringBuilder();
		for (var word : SearchText.fold(words).split(" ")) {
			if (!word.isEmpty()) {
				result.append(word.charAt(0));
			}
		}
		return result.toString();
	}
}
