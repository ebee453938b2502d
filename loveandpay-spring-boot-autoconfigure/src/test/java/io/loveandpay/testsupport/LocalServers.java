package io.loveandpay.testsupport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock servers for tests of HTTP behaviour: on 127.0.0.1 only, on a free port.
 */
public final class LocalServers {

	/**
	 * Location of the certificate of {@link #wireMockHttps()}.
	 */
	public static final String STAND_IN_CERTIFICATE = "classpath:tls/stand-in.crt";

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
	 * Return a server that answers over https only, with a self-signed certificate for
	 * {@code localhost} and {@code 127.0.0.1} that no JVM trusts by default: its
	 * certificate is {@value #STAND_IN_CERTIFICATE}, for an SSL bundle.
	 * @return the server
	 */
	public static WireMockExtension wireMockHttps() {
		return WireMockExtension.newInstance()
			.options(wireMockConfig().httpDisabled(true)
				.dynamicHttpsPort()
				.bindAddress("127.0.0.1")
				.keystorePath(Fixtures.class.getResource("/tls/stand-in.p12").toString())
				.keystoreType("PKCS12")
				.keystorePassword("stand-in")
				.keyManagerPassword("stand-in"))
			.build();
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
