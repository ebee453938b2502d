package io.loveandpay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.loveandpay.testsupport.Leaks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test of the module (a Surefire execution of its own) and scans
 * all that they printed: no secret key, no signature and no personal data of the test
 * fixtures may appear.
 */
class LeakScanTests {

	@Test
	void noSecretSignatureOrPersonalDataInTheWholeSuitesOutput() throws IOException {
		Path reports = Path.of("target", "surefire-reports");
		List<Path> outputs = Leaks.outputFiles(reports);
		assertThat(outputs).as("test output files in %s: run the whole suite", reports.toAbsolutePath())
			.hasSizeGreaterThan(3);
		long size = 0;
		for (Path output : outputs) {
			size += Files.size(output);
		}
		assertThat(size).as("bytes of test output scanned").isGreaterThan(1000);
		assertThat(Leaks.scanTestOutput(reports)).isEmpty();
	}

}
