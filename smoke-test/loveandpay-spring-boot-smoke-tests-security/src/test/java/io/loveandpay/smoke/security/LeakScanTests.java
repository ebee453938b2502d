package io.loveandpay.smoke.security;

import io.loveandpay.testsupport.Leaks;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test of this module: no secret, signature or personal data in
 * their output.
 */
class LeakScanTests {

	@Test
	void suiteOutputLeaksNothing() {
		Leaks.assertSuiteOutputClean();
	}

}
