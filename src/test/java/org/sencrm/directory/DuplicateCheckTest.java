package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.sencrm.directory.duplicates.DuplicateCheck;
import org.sencrm.directory.duplicates.DuplicateCheck.Match;
import org.sencrm.identity.Role;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The check before saving: exact matches on email, phone or tax code; possible ones on the same name and birthday, province or organization. */
@IntegrationTest
class DuplicateCheckTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DuplicateCheck check;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anEmailOrPhoneAlreadyKnownIsAnExactMatch() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var hoa = id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Hoa",
				"emails", List.of(Map.of("address", "hoa@example.vn")), "phones", List.of(Map.of("number", "0901234567")))));
		id(sales.post("/api/v1/persons", Map.of("familyName", "Lê", "givenName", "Mai", "emails", List.of(Map.of("address", "hoa@example.vn.com")))));

		var byEmail = in(workspace.id(), () -> check.persons(probe("Trần", "Lan", null, List.of("HOA@example.vn"), List.of(), List.of()), null));
		var byPhone = in(workspace.id(), () -> check.persons(probe("Trần", "Lan", null, List.of(), List.of("+84901234567"), List.of()), null));
		var itself = in(workspace.id(), () -> check.persons(probe("Lê", "Hoa", null, List.of("hoa@example.vn"), List.of(), List.of()),
				UUID.fromString(hoa)));

		assertThat(byEmail).containsExactly(new Match(UUID.fromString(hoa), true, List.of("same_email")));
		assertThat(byPhone).containsExactly(new Match(UUID.fromString(hoa), true, List.of("same_phone")));
		assertThat(itself).isEmpty();
	}

	@Test
	void theSameNameCountsOnlyWithTheSameBirthdayProvinceOrOrganization() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var born = id(sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"birthday", "1985-02-03")));
		var hanoi = id(sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An",
				"addresses", List.of(Map.of("line1", "1 Tràng Tiền", "province", "Hà Nội")))));
		id(sales.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Văn", "givenName", "An", "birthday", "1999-09-09")));

		var matches = in(workspace.id(), () -> check.persons(
				probe("Nguyen", "An", LocalDate.of(1985, 2, 3), List.of(), List.of(), List.of("hà nội")), null));

		assertThat(matches).containsExactlyInAnyOrder(new Match(UUID.fromString(born), false, List.of("same_name", "same_birthday")),
				new Match(UUID.fromString(hanoi), false, List.of("same_name", "same_province")));
	}

	@Test
	void anOrganizationsTaxCodeIsAnExactMatch() {
		var workspace = workspaces.create();
		var sales = new Api(port, workspace.member(Role.SALES).token());
		var known = id(sales.post("/api/v1/organizations", Map.of("name", "Công ty An Phát", "taxCode", "0312345678")));

		var matches = in(workspace.id(), () -> check.organizations(
				new DuplicateCheck.OrganizationProbe("Bình Minh", "0312345678", List.of(), List.of(), List.of()), null));

		assertThat(matches).containsExactly(new Match(UUID.fromString(known), true, List.of("same_tax_code")));
	}

	private static DuplicateCheck.PersonProbe probe(String family, String given, LocalDate birthday, List<String> emails,
			List<String> phones, List<String> provinces) {
		return new DuplicateCheck.PersonProbe(family, given.equals("An") ? "Văn" : null, given, birthday, emails, phones, provinces, List.of());
	}

	private <T> T in(UUID workspaceId, Supplier<T> work) {
		return WorkspaceContext.callAsSystem(workspaceId, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}
}
