package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.Browser;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer lists, pages and forms on a phone: in a window 390 px wide (an iPhone 12–15),
 * nothing makes the document scroll sideways — long names, emails, external ids and the page
 * heads' buttons wrap instead.
 */
@IntegrationTest
class RecordPagesOnAPhoneBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Browser session;

	@BeforeEach
	void startBrowser() {
		session = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		if (session != null) {
			session.close();
		}
	}

	@Test
	void personAndOrganizationPagesDoNotScrollSidewaysOnA390PxPhone() {
		var workspace = workspaces.create();
		var manager = workspace.member(Role.MANAGER);
		var api = new Api(port, manager.token());
		var person = api.post("/api/v1/persons", Map.of("familyName", "Nguyễn", "middleName", "Thị Thanh", "givenName", "Hương",
				"emails", List.of(Map.of("address", "nguyen.thi.thanh.huong.phongkinhdoanh@congtythuongmaidichvu.com.vn")),
				"phones", List.of(Map.of("number", "0912 345 678")), "tags", List.of("Khách hàng thân thiết", "Hà Nội"),
				"externalId", "HUBSPOT-CONTACT-000000000000123456789")).body().get("id").asString();
		var organization = api.post("/api/v1/organizations", Map.of("name",
				"Công ty Trách nhiệm Hữu hạn Thương mại và Dịch vụ Kỹ thuật Sen Vàng Việt Nam", "taxCode", "0101234567-001",
				"website", "https://www.congtythuongmaidichvusenvang.com.vn", "externalId", "ERP-ORGANIZATION-0000000000987654321"))
				.body().get("id").asString();
		session.driver.manage().window().setSize(new Dimension(390, 844));
		signIn(manager.email());

		for (var path : List.of("/persons", "/persons/" + person, "/persons/" + person + "/edit", "/organizations",
				"/organizations/" + organization, "/organizations/" + organization + "/edit")) {
			session.open(path);
			var js = (JavascriptExecutor) session.driver;
			// the record pages load their sales and timeline panels after the page: measure with them
			session.wait.until(driver -> (Boolean) js.executeScript("return document.querySelectorAll('[hx-trigger=load]').length === 0"));
			var width = ((Number) js.executeScript("return window.innerWidth")).intValue();
			var scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue();
			assertThat(scrollWidth).as("%s is %d px wide in a %d px window; too wide: %s", path, scrollWidth, width,
					js.executeScript("""
							const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {
							    if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
							return [...document.querySelectorAll('main *')]
							  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(e))
							  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
							  .join(', ')""")).isLessThanOrEqualTo(width);
		}
	}

	private void signIn(String email) {
		session.open("/login");
		session.driver.findElement(By.id("email")).sendKeys(email);
		session.driver.findElement(By.id("password")).sendKeys(TestWorkspaces.PASSWORD);
		session.driver.findElement(By.cssSelector("form.login-form button")).click();
		session.await(".topbar");
	}
}
