package org.sencrm.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.sencrm.directory.contact.Address;

/**
 * The benchmark's customer base, fully determined by a seed: person {@code i} and organization
 * {@code k} are pure functions of (seed, index), so any of them can be made again without the
 * others (to build a query, or to load the rows in any order).
 *
 * <p>About one person in eight is a contact at an organization, with a job title, buying-center
 * roles and a work email at the organization's domain.
 */
final class CustomerBase {

	/** A person as a customer gives it: names, contact details typed as they come. */
	record GeneratedPerson(int index, UUID id, Names.Name name, List<String> emails, List<String> phones,
			Address address, LocalDate birthday, List<String> tags, int owner, String source, String status,
			String lifecycleStage, Map<String, String> consents, Instant createdAt, Integer organization,
			String jobTitle, List<String> buyingRoles) {
	}

	record GeneratedOrganization(int index, UUID id, String name, String kind, String relationship, String taxCode,
			String industry, String size, String website, String domain, List<String> emails, List<String> phones,
			Address address, int owner, Instant createdAt) {
	}

	static final List<String> TAGS = List.of("VIP", "Khách sỉ", "Khách lẻ", "Hội chợ 2025", "Zalo OA", "Giới thiệu",
			"Doanh nghiệp", "Tiềm năng cao");
	private static final Weighted<String> SOURCES = new Weighted<String>().add("website", 25).add("facebook", 20)
			.add("zalo", 15).add("referral", 12).add("walk_in", 10).add("event", 6).add("hotline", 7).add("import", 5);
	private static final Weighted<String> STAGES = new Weighted<String>().add("first_time", 30).add("repeat", 25)
			.add("regular", 20).add("loyal", 10).add("at_risk", 10).add("churned", 5);
	private static final Weighted<String> JOB_TITLES = new Weighted<String>().add("Giám đốc", 10).add("Phó giám đốc", 6)
			.add("Trưởng phòng mua hàng", 10).add("Nhân viên mua hàng", 14).add("Kế toán trưởng", 8).add("Kế toán", 10)
			.add("Trưởng phòng kỹ thuật", 6).add("Kỹ sư", 10).add("Chủ doanh nghiệp", 6).add("Thư ký", 5)
			.add("Trưởng phòng kinh doanh", 8).add("Quản lý cửa hàng", 7);
	private static final List<String> BUYING_ROLES = List.of("user", "influencer", "decider", "buyer", "gatekeeper");
	private static final Weighted<String> FORMS = new Weighted<String>().add("Công ty TNHH", 45).add("Công ty Cổ phần", 30)
			.add("Công ty TNHH MTV", 12).add("Doanh nghiệp tư nhân", 6).add("Tập đoàn", 2).add("Hợp tác xã", 2);
	private static final List<String> SECTORS = List.of("Thương mại", "Dịch vụ", "Thương mại Dịch vụ", "Xây dựng",
			"Công nghệ", "Vận tải", "Thực phẩm", "Dược phẩm", "Du lịch", "Đầu tư", "Xuất nhập khẩu", "Điện tử", "May mặc",
			"Nội thất", "Cơ khí", "Nông sản", "Giải pháp Phần mềm", "Thiết bị Y tế", "Logistics", "Bất động sản");
	private static final List<String> SYLLABLES = List.of("An", "Phú", "Thịnh", "Phát", "Hưng", "Minh", "Long", "Việt",
			"Tân", "Đại", "Thành", "Kim", "Ngọc", "Sao", "Bảo", "Hòa", "Tiến", "Lộc", "Gia", "Khang", "Nam", "Hoàng", "Trường",
			"Đông", "Á", "Quang", "Sơn", "Hải", "Thái", "Bình", "Vạn", "Mỹ", "Nhật", "Tín", "Đức", "Trí", "Hồng", "Phương");
	private static final Weighted<String> KINDS = new Weighted<String>().add("commercial_user", 55)
			.add("commercial_distributor", 20).add("commercial_oem", 10).add("government", 1).add("institutional", 6)
			.add("other", 8);
	private static final List<String> SIZES = List.of("micro", "small", "medium", "large");
	private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");
	private static final Duration SPAN = Duration.ofDays(3 * 365);

	private final long seed;
	private final int persons;
	private final int organizations;
	private final int owners;

	CustomerBase(long seed, int persons, int owners) {
		this.seed = seed;
		this.persons = persons;
		this.organizations = Math.max(1, persons / 20);
		this.owners = owners;
	}

	int persons() {
		return persons;
	}

	int organizations() {
		return organizations;
	}

	GeneratedPerson person(int i) {
		var random = random(1, i);
		var name = Names.person(random);
		var birthYear = 1955 + random.nextInt(51);
		var birthday = random.nextDouble() < 0.6 ? LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
		Integer organization = null;
		String jobTitle = null;
		List<String> buyingRoles = List.of();
		var emails = new ArrayList<String>();
		if (random.nextDouble() < 0.125) {
			organization = random.nextInt(organizations);
			jobTitle = JOB_TITLES.pick(random);
			buyingRoles = roles(random);
			emails.add(ContactData.workEmail(name, organization(organization).domain(), random));
		}
		if (random.nextDouble() < 0.78) {
			emails.add(ContactData.personalEmail(name, birthYear, random));
		}
		var phones = new ArrayList<String>();
		if (random.nextDouble() < 0.92) {
			phones.add(ContactData.mobile(random));
		}
		if (random.nextDouble() < 0.08) {
			phones.add(random.nextBoolean() ? ContactData.mobile(random) : ContactData.landline(random));
		}
		var address = random.nextDouble() < 0.5 ? ContactData.address(random) : null;
		var tags = new ArrayList<String>();
		if (random.nextDouble() < 0.15) {
			tags.add(TAGS.get(random.nextInt(TAGS.size())));
			if (random.nextDouble() < 0.3) {
				var second = TAGS.get(random.nextInt(TAGS.size()));
				if (!tags.contains(second)) {
					tags.add(second);
				}
			}
		}
		var existing = random.nextDouble() < 0.55;
		var consents = new LinkedHashMap<String, String>();
		if (random.nextDouble() < 0.4) {
			consents.put("email", random.nextInt(10) == 0 ? "withdrawn" : "granted");
			if (random.nextBoolean()) {
				consents.put("sms", "granted");
			}
		}
		var createdAt = EPOCH.plusMillis((long) ((i + random.nextDouble()) * SPAN.toMillis() / persons));
		return new GeneratedPerson(i, uuid7(createdAt, random), name, emails, phones, address, birthday, tags,
				random.nextInt(owners), SOURCES.pick(random), existing ? "existing" : "potential",
				existing ? STAGES.pick(random) : null, consents, createdAt, organization, jobTitle, buyingRoles);
	}

	GeneratedOrganization organization(int k) {
		var random = random(2, k);
		var kind = KINDS.pick(random);
		var brand = SYLLABLES.get(random.nextInt(SYLLABLES.size())) + " " + SYLLABLES.get(random.nextInt(SYLLABLES.size()));
		var address = ContactData.address(random);
		var name = switch (kind) {
			case "government" -> List.of("Sở Y tế", "Sở Giáo dục và Đào tạo", "Cục Thuế", "Ủy ban nhân dân", "Sở Công Thương")
					.get(random.nextInt(5)) + " " + address.district() + " " + address.province();
			case "institutional" -> List.of("Trường Đại học", "Bệnh viện", "Trường THPT", "Viện Nghiên cứu", "Trường Mầm non")
					.get(random.nextInt(5)) + " " + brand;
			default -> FORMS.pick(random) + " " + SECTORS.get(random.nextInt(SECTORS.size())) + " " + brand;
		};
		var domain = ContactData.ascii(brand) + (k % 1000) + List.of(".com.vn", ".vn", ".com").get(random.nextInt(3));
		var taxCode = ("Hà Nội".equals(address.province()) ? "01" : "03") + String.format("%08d", k * 37L + random.nextInt(37));
		var phones = new ArrayList<String>();
		phones.add(ContactData.landline(random));
		if (random.nextBoolean()) {
			phones.add(ContactData.mobile(random));
		}
		var createdAt = EPOCH.plusMillis((long) ((k + random.nextDouble()) * SPAN.toMillis() / organizations));
		return new GeneratedOrganization(k, uuid7(createdAt, random), name, kind,
				random.nextInt(10) == 0 ? "partner" : "customer", taxCode, SECTORS.get(random.nextInt(SECTORS.size())),
				SIZES.get(random.nextInt(SIZES.size())), "https://" + domain, domain,
				List.of(random.nextBoolean() ? "info@" + domain : "lienhe@" + domain), phones, address,
				random.nextInt(owners), createdAt);
	}

	/** The id of the contact role of a person at its organization. */
	UUID contactRoleId(GeneratedPerson person) {
		return uuid7(person.createdAt(), random(3, person.index()));
	}

	/** A JSON body for {@code POST /api/v1/organizations}. */
	static Map<String, Object> json(GeneratedOrganization o, List<UUID> ownerIds) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", o.name());
		body.put("kind", o.kind());
		body.put("relationship", o.relationship());
		body.put("taxCode", o.taxCode());
		body.put("industry", o.industry());
		body.put("size", o.size());
		body.put("website", o.website());
		body.put("emails", o.emails().stream().map(a -> Map.of("address", a)).toList());
		body.put("phones", o.phones().stream().map(n -> Map.of("number", n)).toList());
		body.put("addresses", List.of(o.address()));
		body.put("ownerId", ownerIds.get(o.owner()));
		return body;
	}

	/** A JSON body for {@code POST /api/v1/persons}. */
	static Map<String, Object> json(GeneratedPerson p, List<UUID> ownerIds) {
		var body = new LinkedHashMap<String, Object>();
		body.put("familyName", p.name().family());
		body.put("middleName", p.name().middle());
		body.put("givenName", p.name().given());
		body.put("emails", p.emails().stream().map(a -> Map.of("address", a)).toList());
		body.put("phones", p.phones().stream().map(n -> Map.of("number", n)).toList());
		body.put("addresses", p.address() == null ? List.of() : List.of(p.address()));
		body.put("birthday", p.birthday() == null ? null : p.birthday().toString());
		body.put("tags", p.tags());
		body.put("ownerId", ownerIds.get(p.owner()));
		body.put("source", p.source());
		body.put("status", p.status());
		body.put("lifecycleStage", p.lifecycleStage());
		var consents = new LinkedHashMap<String, Object>();
		p.consents().forEach((channel, status) -> consents.put(channel,
				Map.of("status", status, "at", p.createdAt().toString(), "method", "web_form")));
		body.put("consents", consents);
		return body;
	}

	private static List<String> roles(SplittableRandom random) {
		var roles = new ArrayList<String>();
		for (var role : BUYING_ROLES) {
			if (random.nextDouble() < 0.3) {
				roles.add(role);
			}
		}
		return roles.isEmpty() ? List.of(BUYING_ROLES.get(random.nextInt(BUYING_ROLES.size()))) : roles;
	}

	private SplittableRandom random(int stream, int index) {
		return new SplittableRandom(mix(mix(seed * 31 + stream) + index));
	}

	/** A time-ordered UUID version 7 for a past moment, laid out as {@code Ids.next()} lays out new ones. */
	private static UUID uuid7(Instant at, SplittableRandom random) {
		long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(1 << 12);
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
