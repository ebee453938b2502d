package io.loveandpay.testsupport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock servers for tests of HTTP behaviour: on 127.0.0.1 only, on a free port.
 */
public final class LocalServers {

	private LocalServers() {
	}

	/**
	 * Return a server for one test class, to register with {@code @RegisterExtension}.
	 * @return the server
	 */
	public static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
	}

	/**
	 * Return a server that answers this many requests at once, for tests of concurrency.
	 * @param threads the server's threads
	 * @return the server
	 */
	public static WireMockExtension wireMock(int threads) {
		return WireMockExtension.newInstance()
			.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(threads))
			.build();
	}

}
