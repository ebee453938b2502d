package io.loveandpay.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.loveandpay.testsupport.SignatureCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HmacSha256RequestSigner}.
 */
class HmacSha256RequestSignerTests {

	private static final long TIMESTAMP = 1706012345678L;

	private final HmacSha256RequestSigner signer = new HmacSha256RequestSigner("sk_test_xyz");

	@Test
	void signsGetOfOneSessionAsTheSpecVector() {
		assertThat(this.signer.sign("GET", "/api/v2/kyc/sessions/550e8400-e29b-41d4-a716-446655440000", TIMESTAMP,
				new byte[0]))
			.isEqualTo("83e6d54eee8120acc66ff387f6f49a214944d514a76cb970b80691cdfc1ca34c");
	}

	@Test
	void emptyBodyHashIsTheSha256OfNoBytes() throws Exception {
		byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest();
		assertThat(new String(HmacSha256RequestSigner.EMPTY_BODY_HASH, StandardCharsets.US_ASCII))
			.isEqualTo(java.util.HexFormat.of().formatHex(digest));
	}

	@Test
	void signsListWithoutItsQueryAsTheSpecVector() {
		assertThat(this.signer.sign("GET", "/api/v2/kyc/sessions", TIMESTAMP, new byte[0]))
			.isEqualTo("1e11e9fcc8d721d03ddd63c2a623b7755eb0f11e3632b6cd524b80f8d9135dba");
	}

	@Test
	void signsPostOverItsBodyAsTheSpecVector() {
		byte[] body = "{\"customerEmail\":\"client@example.com\",\"language\":\"ru\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.signer.sign("POST", "/api/v2/kyc/sessions", TIMESTAMP, body))
			.isEqualTo("4cc5256d85586b678971c86d0f4bd216cbdfc61214d317283a5d6808a1e54ad1");
	}

	@Test
	void signsCyrillicBodyAsItsUtf8Bytes() {
		byte[] body = "{\"customerId\":\"Иван Петров\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.signer.sign("POST", "/api/v2/kyc/sessions", TIMESTAMP, body)).isEqualTo(
				SignatureCheck.expected("sk_test_xyz", "POST", "/api/v2/kyc/sessions", Long.toString(TIMESTAMP), body));
	}

	@Test
	void givesTheSameSignaturesFromManyThreads() throws Exception {
		List<byte[]> bodies = IntStream.range(0, 64)
			.mapToObj((i) -> ("{\"customerId\":\"c-" + i + "\"}").getBytes(StandardCharsets.UTF_8))
			.toList();
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			List<Future<Boolean>> results = IntStream.range(0, 4000).mapToObj((i) -> executor.submit(() -> {
				byte[] body = bodies.get(i % bodies.size());
				String path = "/api/v2/kyc/sessions/" + i;
				return this.signer.sign("POST", path, TIMESTAMP + i, body)
					.equals(SignatureCheck.expected("sk_test_xyz", "POST", path, Long.toString(TIMESTAMP + i), body));
			})).toList();
			for (Future<Boolean> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void refusesBlankSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HmacSha256RequestSigner(" "));
	}

	@Test
	void toStringHidesTheSecret() {
		assertThat(new HmacSha256RequestSigner("sk_test_canary_4f1d2b8e9c7a6b5d")).asString()
			.doesNotContain("canary")
			.doesNotContain("4f1d2b8e");
	}

}
