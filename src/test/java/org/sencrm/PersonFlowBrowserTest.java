package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sencrm.identity.Role;
import org.sencrm.identity.internal.Workspaces;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main flow in a real browser (headless Chromium): sign in, add a person with a Vietnamese
 * name, find them by typing the name without accents, open their page. Leaves screenshots of the
 * main pages in target/screenshots for the user guide.
 */
@IntegrationTest
class PersonFlowBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	Workspaces settings;

	Browser session;
	ChromeDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		session = Browser.start(port);
		browser = session.driver;
		wait = session.wait;
	}

	@AfterEach
	void stopBrowser() {
		if (session != null) {
			session.close();
		}
	}

	@Test
	void salesAddsAPersonAndFindsThemByTypingTheNameWithoutAccents() {
		var workspace = workspaces.create();
		var admin = workspace.member(Role.ADMIN);
		WorkspaceContext.runAsSystem(workspace.id(), () -> settings.update(workspace.id(), "Sen Việt Trading", "vi",
				"Asia/Ho_Chi_Minh", "VND", "given_first"));
		var email = "trang-" + System.nanoTime() + "@senviet.vn";
		new Api(port, admin.token()).post("/api/v1/users", Map.of("email", email, "displayName", "Nguyễn Thu Trang",
				"role", "sales", "password", TestWorkspaces.PASSWORD, "temporaryPassword", false));
		var organization = givenAnOrganizationWithAContact(new Api(port, workspaces.member(email).token()));

		open("/login");
		screenshot("login");
		signIn(email);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stats")));
		screenshot("home");

		open("/persons/new");
		browser.findElement(By.id("familyName")).sendKeys("Đặng");
		browser.findElement(By.id("middleName")).sendKeys("Thị");
		browser.findElement(By.id("givenName")).sendKeys("Hương");
		browser.findElement(By.id("emails[0].address")).sendKeys("huong.dang@example.vn");
		browser.findElement(By.id("phones[0].number")).sendKeys("0912 345 678");
		browser.findElement(By.cssSelector("[data-add-row=phone-row]")).click();
		browser.findElement(By.id("phones[1].number")).sendKeys("024 3826 1234");
		browser.findElement(By.id("tags")).sendKeys("VIP, Hà Nội");
		new Select(browser.findElement(By.id("consents[0].status"))).selectByValue("granted");
		new Select(browser.findElement(By.id("consents[0].method"))).selectByValue("web_form");
		screenshot("person-form");
		browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Đặng Thị Hương"));

		var search = browser.findElement(By.cssSelector(".global-search input"));
		search.sendKeys("dang thi huong");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-live"), "Đặng Thị Hương"));
		screenshot("search-as-you-type");
		search.sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/search?q="));
		screenshot("search-results");
		browser.findElement(By.linkText("Đặng Thị Hương")).click();

		wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Đặng Thị Hương"));
		var personPage = browser.getCurrentUrl();
		assertThat(browser.findElements(By.cssSelector(".facts a[href^='tel:']")).stream().map(e -> e.getText()).toList())
				.containsExactly("+84 912 345 678", "+84 24 3826 1234");

		browser.findElement(By.id("org-search")).sendKeys("sen viet");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#org-choices input[name=organizationId]"))).click();
		browser.findElement(By.id("jobTitle")).sendKeys("Marketing manager");
		browser.findElement(By.cssSelector("input[name=buyingRoles][value=influencer]")).click();
		browser.findElement(By.cssSelector("form.role-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".role-list"), "Công ty TNHH Thương mại Sen Việt"));
		screenshot("person-page");

		open("/persons");
		screenshot("persons-list");
		open("/organizations/" + organization);
		screenshot("organization-page");
		open("/me/tokens");
		browser.findElement(By.id("name")).sendKeys("Zalo sync");
		browser.findElement(By.cssSelector("input[name=scopes][value=write]")).click(); // read only
		browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.token")));
		screenshot("api-tokens");

		browser.manage().window().setSize(new Dimension(390, 844));
		open("/persons");
		screenshot("persons-list-phone");
		browser.manage().window().setSize(new Dimension(1280, 900));

		signOut();
		signIn(admin.email());
		open("/admin/users");
		screenshot("admin-users");

		browser.findElement(By.cssSelector(".user-menu summary")).click();
		browser.findElement(By.cssSelector(".user-menu a[lang=vi]")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Người dùng"));
		browser.get(personPage);
		wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Đặng Thị Hương")); // Vietnamese order: family name first
		screenshot("person-page-vi");
	}

	private void signIn(String email) {
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(TestWorkspaces.PASSWORD);
		browser.findElement(By.cssSelector("form.login-form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".topbar")));
	}

	private void signOut() {
		browser.findElement(By.cssSelector(".user-menu summary")).click();
		browser.findElement(By.cssSelector(".user-menu form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.login-form")));
	}

	/** An organization with one contact in the buying center, so its page has something to show. */
	private String givenAnOrganizationWithAContact(Api api) {
		var organization = api.post("/api/v1/organizations", Map.of("name", "Công ty TNHH Thương mại Sen Việt",
				"kind", "commercial_distributor", "taxCode", "0101234567", "website", "https://senviet.vn",
				"phones", List.of(Map.of("number", "028 3822 1234")), "tags", List.of("Nhà phân phối"),
				"addresses", List.of(Map.of("line1", "15 Lê Lợi", "ward", "Bến Nghé", "district", "Quận 1", "province", "TP Hồ Chí Minh"))))
				.body().get("id").asString();
		var contact = api.post("/api/v1/persons", Map.of("familyName", "Lê", "middleName", "Minh", "givenName", "Tuấn",
				"emails", List.of(Map.of("address", "tuan.le@senviet.vn")))).body().get("id").asString();
		api.post("/api/v1/contact-roles", Map.of("personId", contact, "organizationId", organization,
				"jobTitle", "Purchasing director", "buyingRoles", List.of("decider", "buyer")));
		return organization;
	}

	private void open(String path) {
		session.open(path);
	}

	private void screenshot(String name) {
		session.screenshot(name);
	}
}
