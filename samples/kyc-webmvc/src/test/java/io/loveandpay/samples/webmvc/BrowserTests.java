package io.loveandpay.samples.webmvc;

import java.io.IOException;
import java.time.Duration;

import io.loveandpay.test.standin.LoveandpayStandIn;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's visit in a browser with JavaScript (HtmlUnit): the start page, the
 * stand-in's verification page, and back to the status page, which shows the outcome as
 * soon as the webhook arrives, without reloading.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = VerificationFlowTests.NO_API_KEY)
class BrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	LoveandpayStandIn standIn;

	@Test
	void statusPageShowsApprovedWithoutReloadingWhenTheWebhookArrives() throws IOException {
		try (WebClient browser = new WebClient()) {
			browser.getOptions().setJavaScriptEnabled(true);
			browser.getOptions().setCssEnabled(false);
			// HtmlUnit's fetch() is its polyfill on XMLHttpRequest, off by default.
			browser.getOptions().setFetchPolyfillEnabled(true);
			HtmlPage start = browser.getPage("http://127.0.0.1:" + this.port + "/");
			assertThat(start.getElementById("stand-in-banner")).isNotNull();
			start.<HtmlInput>getHtmlElementById("customerId").type("customer-browser");
			HtmlPage statusPage;
			// The stand-in holds the webhook until told otherwise, so the page is seen
			// waiting before the outcome arrives.
			this.standIn.webhooks().deliverOutOfOrder(true);
			try {
				HtmlPage verificationPage = start.getHtmlElementById("start").click();
				assertThat(verificationPage.getUrl().getPort()).isEqualTo(this.standIn.port());
				statusPage = verificationPage.getHtmlElementById("approve").click();
				assertThat(statusPage.getUrl().getPort()).isEqualTo(this.port);
				assertThat(statusPage.getUrl().getPath()).startsWith("/sessions/");
				assertThat(statusPage.getHtmlElementById("status").getTextContent()).isEqualTo("PENDING");
				assertThat(statusPage.getHtmlElementById("pending").isDisplayed()).isTrue();
			}
			finally {
				this.standIn.webhooks().deliverOutOfOrder(false);
			}
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(statusPage.getHtmlElementById("status").getTextContent())
					.isEqualTo("APPROVED"));
			assertThat(browser.getCurrentWindow().getEnclosedPage()).isSameAs(statusPage);
			assertThat(statusPage.getHtmlElementById("pending").isDisplayed()).isFalse();
			assertThat(statusPage.getHtmlElementById("failure").isDisplayed()).isFalse();
		}
	}

}
