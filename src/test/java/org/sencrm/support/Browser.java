package org.sencrm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium for the browser tests, with the driver and browser
 * named explicitly so Selenium Manager never downloads one. Skips the test (with the reason)
 * where Chromium is not installed.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	public static final Path SCREENSHOTS = Path.of("target/screenshots");

	public final ChromeDriver driver;
	public final WebDriverWait wait;
	private final Path profile;
	private final int port;

	private Browser(int port, ChromeDriver driver, Path profile) {
		this.port = port;
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	public static Browser start(int port) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser test skipped: no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		try {
			var profile = Files.createTempDirectory("sen-chromium-");
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
			Files.createDirectories(SCREENSHOTS);
			return new Browser(port, new ChromeDriver(options), profile);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void open(String path) {
		driver.get("http://localhost:" + port + path);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
	}

	public void signIn(String email, String password) {
		open("/login");
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form.login-form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".topbar")));
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	/** Clicks an element after scrolling it to the middle of the window, clear of the sticky top bar. */
	public void click(String css) {
		var element = find(css);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	public WebElement await(String css) {
		return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	/** Sets an input's value directly (date and time inputs take keys in the browser's locale format). */
	public void setValue(WebElement input, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
	}

	/** The whole page from its top, not only the window: the window grows to the page's height for the picture. */
	public void screenshot(String name) {
		var size = driver.manage().window().getSize();
		var js = (JavascriptExecutor) driver;
		js.executeScript("window.scrollTo(0, 0)");
		var page = ((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue();
		var frame = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).intValue();
		driver.manage().window().setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), page + frame)));
		var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		driver.manage().window().setSize(size);
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
