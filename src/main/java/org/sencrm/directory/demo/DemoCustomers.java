package org.sencrm.directory.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.DemoCustomersCreated;
import org.sencrm.directory.contact.Address;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.OrganizationDraft;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.person.PersonDraft;
import org.sencrm.directory.person.PersonService;
import org.sencrm.identity.ActingUser;
import org.sencrm.identity.Role;
import org.sencrm.identity.WorkspaceCreated;
import org.sencrm.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills a demo workspace with customers a Vietnamese business would have: consumers and
 * contacts with Vietnamese and international names, companies, a government body and a
 * university, contact roles in buying centers, tags and two custom fields. Everything goes
 * through the normal services, so the demo obeys the same rules and has a history.
 * <p>
 * All of it — and what other modules add on {@link DemoCustomersCreated}, which they hear in this
 * transaction — is written in the listener's one transaction, and only into a workspace without
 * customers: a failed run leaves nothing behind to be retried over, and a second delivery of the
 * same event adds nothing.
 */
@Component
class DemoCustomers {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

	private final ActingUser acting;
	private final UserDirectory users;
	private final PersonService persons;
	private final OrganizationService organizations;
	private final ContactRoles roles;
	private final CustomFields customFields;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;

	DemoCustomers(ActingUser acting, UserDirectory users, PersonService persons, OrganizationService organizations,
			ContactRoles roles, CustomFields customFields, ApplicationEventPublisher events, JdbcClient jdbc) {
		this.events = events;
		this.jdbc = jdbc;
		this.acting = acting;
		this.users = users;
		this.persons = persons;
		this.organizations = organizations;
		this.roles = roles;
		this.customFields = customFields;
	}

	@ApplicationModuleListener
	void fill(WorkspaceCreated created) {
		if (!created.demo()) {
			return;
		}
		if (hasCustomers(created.workspaceId())) {
			log.info("Demo workspace {} has customers already: no demo data added", created.workspaceId());
			return;
		}
		acting.call(created.workspaceId(), created.adminId(), () -> {
			var sellers = sellers();
			customFields.define("person", "preferred_channel", "Kênh ưa thích / Preferred channel", "choice",
					List.of("Zalo", "Email", "Phone", "Facebook"), false, 1);
			customFields.define("organization", "annual_revenue_vnd", "Doanh thu năm (VND) / Annual revenue", "number", List.of(), false, 1);
			var orgs = organizations();
			var people = persons(sellers);
			contactRoles(orgs, people);
			log.info("Demo workspace filled: {} persons, {} organizations", people.size(), orgs.size());
			events.publishEvent(new DemoCustomersCreated(created.workspaceId(), List.copyOf(orgs.values()),
					List.copyOf(people.values()), sellers));
			return null;
		});
	}

	/** Whether the workspace has customers, once any other run of this listener for it has finished. */
	private boolean hasCustomers(UUID workspaceId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(:ws as text), 11))").param("ws", workspaceId)
				.query((rs, n) -> 1).list();
		return jdbc.sql("""
				select exists (select 1 from persons where workspace_id = :ws)
				    or exists (select 1 from organizations where workspace_id = :ws)""")
				.param("ws", workspaceId).query(Boolean.class).single();
	}

	/** The demo workspace's sales people, made by identity with the workspace. */
	private List<UUID> sellers() {
		var sellers = users.users().stream().filter(u -> u.role() == Role.SALES).map(UserDirectory.UserSummary::id).toList();
		return sellers.isEmpty() ? List.of(users.users().getFirst().id()) : sellers;
	}

	private Map<String, UUID> organizations() {
		var ids = new HashMap<String, UUID>();
		org(ids, "Công ty TNHH Cà phê Cao Nguyên", "commercial_distributor", "customer", "0312345678", "Thực phẩm & đồ uống", "medium",
				"caphecaonguyen.vn", "kinhdoanh@caphecaonguyen.vn", "028 3823 4567",
				new Address("Văn phòng", "45 Lê Thánh Tôn", null, "Phường Bến Nghé", "Quận 1", "TP. Hồ Chí Minh", null, null, "VN"),
				List.of("Khách sỉ", "TP.HCM"), 48_000_000_000L);
		org(ids, "Công ty Cổ phần Phần mềm Sông Hồng", "commercial_oem", "partner", "0101234567", "Phần mềm", "small",
				"songhongsoft.vn", "hello@songhongsoft.vn", "024 3936 1234",
				new Address("Trụ sở", "18 Tràng Tiền", null, "Phường Tràng Tiền", "Quận Hoàn Kiếm", "Hà Nội", null, null, "VN"),
				List.of("Đối tác", "Hà Nội"), 12_500_000_000L);
		org(ids, "Siêu thị Mai Anh", "commercial_user", "customer", "0401234567", "Bán lẻ", "small", "maianhmart.vn",
				"muahang@maianhmart.vn", "0236 3821 555",
				new Address(null, "120 Nguyễn Văn Linh", null, "Phường Nam Dương", "Quận Hải Châu", "Đà Nẵng", null, null, "VN"),
				List.of("Đà Nẵng"), 7_200_000_000L);
		org(ids, "Sở Công Thương Hà Nội", "government", "customer", "0100101234", "Quản lý nhà nước", "large", null,
				"vanthu@congthuong.hanoi.gov.vn", "024 3825 3456",
				new Address(null, "331 Kim Mã", null, "Phường Ngọc Khánh", "Quận Ba Đình", "Hà Nội", null, null, "VN"),
				List.of("Hà Nội", "Khu vực công"), null);
		org(ids, "Trường Đại học Bách khoa Đà Nẵng", "institutional", "customer", "0400123456", "Giáo dục", "large", "dut.udn.vn",
				"phongkhcn@dut.udn.vn", "0236 3842 308",
				new Address(null, "54 Nguyễn Lương Bằng", null, "Phường Hòa Khánh Bắc", "Quận Liên Chiểu", "Đà Nẵng", null, null, "VN"),
				List.of("Đà Nẵng", "Giáo dục"), null);
		org(ids, "Nhà máy Bao bì Bình Dương", "commercial_user", "supplier", "3701234567", "Bao bì", "medium", null,
				"sales@baobibinhduong.vn", "0274 3822 111",
				new Address(null, "Lô C5, KCN Sóng Thần 2", null, "Phường Tân Đông Hiệp", "TP. Dĩ An", "Bình Dương", null, null, "VN"),
				List.of("Nhà cung cấp"), 95_000_000_000L);
		org(ids, "Nordic Coffee Traders AB", "commercial_distributor", "customer", "SE556677889901", "Food & beverage", "small",
				"nordiccoffee.example", "orders@nordiccoffee.example", "+46 8 123 456 78",
				new Address("HQ", "Sveavägen 12", null, null, null, null, "Stockholm", "111 57", "SE"),
				List.of("Export", "VIP"), 21_000_000_000L);
		org(ids, "Pacific Retail Group Pte. Ltd.", "commercial_user", "customer", "SG201912345K", "Retail", "large",
				"pacificretail.example", "procurement@pacificretail.example", "+65 6123 4567",
				new Address(null, "1 Raffles Place", "#20-01", null, null, null, "Singapore", "048616", "SG"),
				List.of("Export"), 310_000_000_000L);
		return ids;
	}

	private void org(Map<String, UUID> ids, String name, String kind, String relationship, String taxCode, String industry,
			String size, String website, String email, String phone, Address address, List<String> tags, Long revenue) {
		var custom = new HashMap<String, Object>();
		if (revenue != null) {
			custom.put("annual_revenue_vnd", revenue);
		}
		var organization = organizations.create(new OrganizationDraft(name, kind, relationship, null, taxCode, industry, size, website,
				List.of(new EmailAddress(email, "work", true)), List.of(new PhoneNumber(phone, "office", true)), List.of(address),
				null, tags, null, null, custom, null));
		ids.put(name, organization.id());
	}

	private Map<String, UUID> persons(List<UUID> sellers) {
		var ids = new HashMap<String, UUID>();
		String[][] people = {
				// family, middle, given, email, phone, province, tags, status, stage, channel
				{"Nguyễn", "Văn", "An", "an.nguyen@gmail.com", "0901234567", "Hà Nội", "VIP;Hà Nội", "existing", "loyal", "Zalo"},
				{"Trần", "Thị", "Bích", "bich.tran@yahoo.com", "0912345678", "TP. Hồ Chí Minh", "TP.HCM", "existing", "regular", "Zalo"},
				{"Lê", "Hoàng", "Cường", "cuong.le@outlook.com", "0983456789", "Đà Nẵng", "Đà Nẵng", "existing", "repeat", "Phone"},
				{"Phạm", "Minh", "Đức", "duc.pham@gmail.com", "0934567890", "Hải Phòng", "", "potential", "", "Email"},
				{"Hoàng", "Thu", "Hà", "ha.hoang@gmail.com", "0977123456", "Hà Nội", "Hà Nội;Newsletter", "existing", "first_time", "Email"},
				{"Đặng", "Thị", "Hương", "huong.dang@gmail.com", "0868123456", "Cần Thơ", "Newsletter", "existing", "regular", "Facebook"},
				{"Bùi", "Quang", "Huy", "huy.bui@fpt.vn", "0888765432", "Bắc Ninh", "", "potential", "", "Zalo"},
				{"Đỗ", "Ngọc", "Lan", "lan.do@gmail.com", "0702345678", "TP. Hồ Chí Minh", "VIP;TP.HCM", "existing", "loyal", "Zalo"},
				{"Hồ", "Văn", "Long", "long.ho@gmail.com", "0793456789", "Nghệ An", "", "existing", "at_risk", "Phone"},
				{"Ngô", "Thị", "Mai", "mai.ngo@gmail.com", "0774567890", "Huế", "Newsletter", "existing", "churned", "Email"},
				{"Dương", "Đức", "Nam", "nam.duong@vnpt.vn", "0815678901", "Hà Nội", "Hà Nội", "potential", "", "Phone"},
				{"Lý", "Thị", "Nga", "nga.ly@gmail.com", "0826789012", "Lạng Sơn", "", "existing", "repeat", "Zalo"},
				{"Vũ", "Minh", "Phương", "phuong.vu@gmail.com", "0387890123", "Quảng Ninh", "VIP", "existing", "loyal", "Email"},
				{"Võ", "Thanh", "Quân", "quan.vo@gmail.com", "0398901234", "Bình Định", "", "potential", "", "Zalo"},
				{"Phan", "Thị", "Thảo", "thao.phan@gmail.com", "0359012345", "TP. Hồ Chí Minh", "TP.HCM;Newsletter", "existing", "regular", "Facebook"},
				{"Huỳnh", "Văn", "Tuấn", "tuan.huynh@gmail.com", "0366123456", "An Giang", "", "existing", "first_time", "Phone"},
				{"Trương", "Ngọc", "Trang", "trang.truong@gmail.com", "0945234567", "Đà Nẵng", "Đà Nẵng", "existing", "repeat", "Zalo"},
				{"Đinh", "Quốc", "Việt", "viet.dinh@gmail.com", "0916345678", "Hà Nội", "Hà Nội", "potential", "", "Email"},
				{"Nguyễn", "Thị", "Yến", "yen.nguyen@gmail.com", "0903456780", "TP. Hồ Chí Minh", "VIP;TP.HCM", "existing", "loyal", "Zalo"},
				{"Trần", "Đức", "Bình", "binh.tran@gmail.com", "0981567890", "Hà Nội", "", "existing", "at_risk", "Phone"},
				{"Miller", "", "Sarah", "sarah.miller@example.com", "+1 415 555 0132", "", "Export", "existing", "repeat", "Email"},
				{"Tanaka", "", "Hiroshi", "h.tanaka@example.jp", "+81 3 1234 5678", "", "Export", "potential", "", "Email"},
				{"Andersson", "", "Erik", "erik.andersson@nordiccoffee.example", "+46 70 123 45 67", "", "Export;VIP", "existing", "regular", "Email"},
				{"Tan", "Wei", "Ling", "weiling.tan@pacificretail.example", "+65 9123 4567", "", "Export", "existing", "first_time", "Email"},
				{"Dubois", "", "Claire", "claire.dubois@example.fr", "+33 6 12 34 56 78", "", "", "potential", "", "Email"}};
		for (int i = 0; i < people.length; i++) {
			var p = people[i];
			var addresses = p[5].isEmpty() ? List.<Address>of()
					: List.of(new Address("Nhà riêng", (10 + i * 7) + " Đường số " + (i + 1), null, null, null, p[5], null, null, "VN"));
			var consents = new HashMap<String, Consent>();
			if (p[6].contains("Newsletter")) {
				consents.put("email", new Consent("granted", null, "web_form"));
			}
			// A Singaporean Chinese name is written family name first, which the name alone does not
			// tell (Tan Wei Ling); the other orders are detected from the names.
			var order = p[0].equals("Tan") ? "family_first" : null;
			var person = persons.create(new PersonDraft(p[0], p[1].isEmpty() ? null : p[1], p[2], order,
					List.of(new EmailAddress(p[3], "personal", true)), List.of(new PhoneNumber(p[4], "mobile", true)), addresses,
					i % 3 == 0 ? (1970 + i) + "-0" + (1 + i % 9) + "-1" + (i % 9) : null,
					p[6].isEmpty() ? List.of() : List.of(p[6].split(";")), sellers.get(i % sellers.size()), null, "website",
					p[7], p[8].isEmpty() ? null : p[8], consents, Map.of("preferred_channel", p[9]), null));
			ids.put(p[2] + " " + p[0], person.id());
		}
		return ids;
	}

	private void contactRoles(Map<String, UUID> orgs, Map<String, UUID> people) {
		var links = new ArrayList<Object[]>();
		links.add(new Object[] {"Bình Trần", "Công ty TNHH Cà phê Cao Nguyên", "Giám đốc mua hàng", List.of("decider", "buyer")});
		links.add(new Object[] {"Cường Lê", "Công ty TNHH Cà phê Cao Nguyên", "Trưởng kho", List.of("user", "influencer")});
		links.add(new Object[] {"Đức Phạm", "Công ty Cổ phần Phần mềm Sông Hồng", "CTO", List.of("decider", "influencer")});
		links.add(new Object[] {"Huy Bùi", "Công ty Cổ phần Phần mềm Sông Hồng", "Kỹ sư phần mềm", List.of("user")});
		links.add(new Object[] {"Nam Dương", "Sở Công Thương Hà Nội", "Chuyên viên", List.of("gatekeeper")});
		links.add(new Object[] {"Việt Đinh", "Sở Công Thương Hà Nội", "Phó Giám đốc", List.of("decider")});
		links.add(new Object[] {"Trang Trương", "Trường Đại học Bách khoa Đà Nẵng", "Trưởng phòng KHCN", List.of("buyer", "influencer")});
		links.add(new Object[] {"Erik Andersson", "Nordic Coffee Traders AB", "Head of Purchasing", List.of("decider", "buyer")});
		links.add(new Object[] {"Ling Tan", "Pacific Retail Group Pte. Ltd.", "Category Manager", List.of("influencer", "buyer")});
		links.add(new Object[] {"Mai Ngô", "Siêu thị Mai Anh", "Chủ cửa hàng", List.of("decider", "buyer", "user")});
		for (var link : links) {
			@SuppressWarnings("unchecked")
			var buying = (List<String>) link[3];
			roles.create(people.get((String) link[0]), orgs.get((String) link[1]), (String) link[2], buying);
		}
	}
}
