package io.loveandpay.samples.webflux;

import io.loveandpay.testsupport.Leaks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after every other test of the module (a Surefire execution of its own) and scans
 * all that they printed: no secret key, no signature and no personal data of the test
 * fixtures may appear. A {@code -Dtest} pattern also selects it for the main execution,
 * where it skips itself.
 */
class LeakScanTests {

	@Test
	void noSecretSignatureOrPersonalDataInTheWholeSuitesOutput() {
		assumeTrue(Boolean.getBoolean("loveandpay.leak-scan"), "runs in the leak-scan execution only");
		Leaks.assertSuiteOutputClean();
	}

}
