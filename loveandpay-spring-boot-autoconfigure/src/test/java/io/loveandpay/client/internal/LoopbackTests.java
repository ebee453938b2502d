package io.loveandpay.client.internal;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Loopback}: hosts are parsed, never looked up.
 */
class LoopbackTests {

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1", "http://127.1.2.3:9",
			"http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]" })
	void loopbackHostsAreLoopback(String url) {
		assertThat(Loopback.isLoopback(URI.create(url))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.evil.example", "http://127.0.0.1.nip.io", "http://app.localhost",
			"http://2130706433", "http://127.0.0.256", "http://10.0.0.1", "http://[::2]", "http://example.com",
			"http://[fe80::1]" })
	void otherHostsAreNot(String url) {
		assertThat(Loopback.isLoopback(URI.create(url))).isFalse();
	}

}
