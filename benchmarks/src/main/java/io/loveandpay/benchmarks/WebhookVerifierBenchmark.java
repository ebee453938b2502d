package io.loveandpay.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.loveandpay.webhook.WebhookSigner;
import io.loveandpay.webhook.WebhookVerifier;

/**
 * The webhook verifier against what an endpoint does without the library for the same 2
 * KB body: {@code Mac.getInstance}, {@code init} and {@code doFinal} over the raw body,
 * then the header's hex decoded and compared in constant time. Both hold their
 * {@link SecretKeySpec} from set-up; both check one secret.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookVerifierBenchmark {

	static final int BODY_SIZE = 2048;

	private static final String SECRET = "whsec_benchmark_secret_0123456789";

	private final WebhookVerifier verifier = new WebhookVerifier(SECRET);

	private byte[] body = new byte[0];

	private String signature = "";

	private SecretKeySpec key;

	@Setup
	public void setUp() {
		this.body = body();
		this.signature = new WebhookSigner(SECRET).signature(this.body);
		this.key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		if (!this.verifier.verify(this.body, this.signature).verified() || !rawHmac()) {
			throw new IllegalStateException("The benchmark's signature does not verify");
		}
	}

	@Benchmark
	public WebhookVerifier.Verification verify() {
		return this.verifier.verify(this.body, this.signature);
	}

	@Benchmark
	public boolean rawHmac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] expected = mac.doFinal(this.body);
			return MessageDigest.isEqual(expected, HexFormat.of().parseHex(this.signature, 7, this.signature.length()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a {@code kyc.completed} delivery in the provider's KYC envelope, padded with
	 * a {@code failureDetails} string to exactly {@value #BODY_SIZE} bytes.
	 */
	static byte[] body() {
		String head = """
				{"id":"evt_benchmark_1","type":"kyc.completed","createdAt":"2025-11-24T16:00:00Z","data":{"session":\
				{"id":"kyc_abc123","status":"completed","level":"basic","verifiedData":{"firstName":"Ivan",\
				"lastName":"Petrov","dateOfBirth":"1990-05-14","nationality":"RU","documentType":"passport",\
				"documentNumber":"****1234"},"metadata":{"userId":"user_42","email":"ivan@example.com"},\
				"completedAt":"2025-11-24T15:59:58Z","note":\"""";
		String tail = "\"}}}";
		String json = head + "x".repeat(BODY_SIZE - head.length() - tail.length()) + tail;
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		if (bytes.length != BODY_SIZE) {
			throw new IllegalStateException("Body of " + bytes.length + " bytes");
		}
		return bytes;
	}

}
