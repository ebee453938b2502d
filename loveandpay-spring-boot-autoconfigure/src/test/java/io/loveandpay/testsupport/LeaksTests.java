package io.loveandpay.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Leaks}.
 */
class LeaksTests {

	@Test
	void documentDigitsOfTheirOwnAreFound() {
		assertThat(Leaks.findIn("document 8831 seen")).containsExactly("'8831'");
		assertThat(Leaks.findIn("number=8831.")).containsExactly("'8831'");
		assertThat(Leaks.findIn("masked ****8831")).contains("'****8831'", "'8831'");
	}

	@Test
	void threadCountersAndLongerNumbersAreNotDocumentDigits() {
		assertThat(Leaks.findIn("[tomcat-handler-8831] refused")).isEmpty();
		assertThat(Leaks.findIn("took 188312 ns")).isEmpty();
		assertThat(Leaks.findIn("[5e8831fa-3, L:/127.0.0.1:41234] closed")).isEmpty();
		assertThat(Leaks.findIn("[id: 0x8831beef] active")).isEmpty();
	}

	@Test
	void secretsAndSignaturesAreFound() {
		assertThat(Leaks.findIn("whsec_canary_1")).containsExactly("'canary'");
		assertThat(Leaks.findIn("x " + "ab".repeat(32) + " y")).singleElement().asString().contains("64-digit hex");
	}

}
