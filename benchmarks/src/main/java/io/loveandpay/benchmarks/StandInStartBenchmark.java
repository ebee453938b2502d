package io.loveandpay.benchmarks;

import java.io.IOException;
import java.util.List;

/**
 * Times from nothing to the first answered request, each start in a fresh JVM: the
 * loveandpay stand-in against a WireMock server with one stub, in pairs whose order
 * alternates. The figure is the median over the pairs of stand-in/WireMock.
 */
final class StandInStartBenchmark {

	private static final String MARKER = "FIRST_ANSWER_NANOS ";

	private final int pairs;

	StandInStartBenchmark(int pairs) {
		this.pairs = pairs;
	}

	StartupBenchmark.Results run() throws IOException, InterruptedException {
		double[] standIn = new double[this.pairs];
		double[] wireMock = new double[this.pairs];
		for (int i = 0; i < this.pairs; i++) {
			if (i % 2 == 0) {
				standIn[i] = startOnce(StandInStartProbe.STANDIN);
				wireMock[i] = startOnce(StandInStartProbe.WIREMOCK);
			}
			else {
				wireMock[i] = startOnce(StandInStartProbe.WIREMOCK);
				standIn[i] = startOnce(StandInStartProbe.STANDIN);
			}
		}
		return new StartupBenchmark.Results(standIn, wireMock);
	}

	private static double startOnce(String mode) throws IOException, InterruptedException {
		return StartupBenchmark.probe(List.of(), StandInStartProbe.class, mode, MARKER)[0];
	}

}
