package io.loveandpay.samples.webmvc;

import io.loveandpay.testsupport.Leaks;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test of the module (a Surefire execution of its own) and scans
 * all that they printed: no secret key, no signature and no personal data of the test
 * fixtures may appear.
 */
class LeakScanTests {

	@Test
	void noSecretSignatureOrPersonalDataInTheWholeSuitesOutput() {
		Leaks.assertSuiteOutputClean();
	}

}
