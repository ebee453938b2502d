package io.loveandpay.samples.webflux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's Chromium and its driver, started headless for tests: Selenium is given both
 * paths, so Selenium Manager never runs and nothing is downloaded, and Chromium is kept
 * off the network (no background requests, no component updates, every host name but
 * loopback unresolvable).
 */
final class Chromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * Skip the test when Chromium or its driver is missing, or fail it under
	 * {@code CI=true}, where {@code .ci/run} installs them first.
	 */
	static void assumeInstalled() {
		List<Path> missing = Stream.of(BROWSER, DRIVER).filter((path) -> !Files.isExecutable(path)).toList();
		if (missing.isEmpty()) {
			return;
		}
		String message = missing + " not found: install the Debian packages chromium and chromium-driver "
				+ "(apt-get install chromium chromium-driver)";
		if ("true".equals(System.getenv("CI"))) {
			fail(message);
		}
		abort(message);
	}

	static ChromeDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=900,700", "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
				"--disable-client-side-phishing-detection", "--disable-breakpad", "--metrics-recording-only",
				"--safebrowsing-disable-auto-update",
				"--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,"
						+ "CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
				"--proxy-server=direct://", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
