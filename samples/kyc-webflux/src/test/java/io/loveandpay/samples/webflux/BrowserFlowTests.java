package io.loveandpay.samples.webflux;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.loveandpay.test.standin.LoveandpayStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's visit in a real headless Chromium: start on the start page, approve on the
 * stand-in's hosted page, come back to the status page and see the outcome arrive without
 * the page reloading. Needs Debian's {@code chromium} and {@code chromium-driver}
 * packages; Selenium uses them as installed and downloads nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserFlowTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	LoveandpayStandIn standIn;

	@TempDir
	Path profile;

	private ChromeDriver browser;

	@BeforeAll
	static void chromiumIsInstalled() {
		Chromium.assumeInstalled();
	}

	@BeforeEach
	void startBrowser() {
		this.browser = Chromium.start(this.profile);
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void customerSeesApprovalArriveWithoutReloading() throws IOException {
		WebDriverWait wait = new WebDriverWait(this.browser, TIMEOUT);
		String base = "http://127.0.0.1:" + this.port;
		this.browser.get(base + "/");
		assertThat(this.browser.findElement(By.id("stand-in-banner")).isDisplayed()).isTrue();
		this.browser.findElement(By.id("customerId")).sendKeys("customer-browser");
		this.browser.findElement(By.id("start")).click();
		wait.until(ExpectedConditions.urlContains(this.standIn.clientBaseUrl() + "/verify/"));
		this.standIn.webhooks().deliverOutOfOrder(true);
		this.browser.findElement(By.id("approve")).click();
		wait.until(ExpectedConditions.urlMatches("^" + base + "/sessions/[0-9a-f-]{36}$"));
		assertThat(this.browser.findElement(By.id("status")).getText()).isEqualTo("NOT_STARTED");
		this.browser.executeScript("window.loadedOnce = true");
		assertThat(this.standIn.journal().webhooks()).isEmpty();
		this.standIn.webhooks().deliverOutOfOrder(false);
		wait.until(ExpectedConditions.textToBe(By.id("status"), "APPROVED"));
		assertThat(this.browser.executeScript("return window.loadedOnce === true")).isEqualTo(true);
		assertThat(this.browser.findElement(By.id("waiting")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("reason")).isDisplayed()).isFalse();
		screenshot("approved.png");
	}

	@Test
	void customerSeesRejectionWithItsReason() throws IOException {
		WebDriverWait wait = new WebDriverWait(this.browser, TIMEOUT);
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		this.browser.findElement(By.id("customerId")).sendKeys("customer-browser-rejected");
		this.browser.findElement(By.id("start")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("reject"))).click();
		wait.until(ExpectedConditions.textToBe(By.id("status"), "REJECTED"));
		assertThat(this.browser.findElement(By.id("reason-code")).getText()).isEqualTo("document_expired");
		assertThat(this.browser.findElement(By.id("reason")).isDisplayed()).isTrue();
		screenshot("rejected.png");
	}

	private void screenshot(String name) throws IOException {
		File file = this.browser.getScreenshotAs(OutputType.FILE);
		Files.createDirectories(SCREENSHOTS);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
