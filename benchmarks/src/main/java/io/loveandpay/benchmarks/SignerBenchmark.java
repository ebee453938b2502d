package io.loveandpay.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
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

import io.loveandpay.client.HmacSha256RequestSigner;

/**
 * The signer against the physical floor: the bare JDK work for the same request, one
 * SHA-256 of the body and one {@code Mac.doFinal} over the same string to sign, with a
 * {@link Mac} and a {@link MessageDigest} that are set up once and reused.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignerBenchmark {

	private static final String SECRET = "sk_test_benchmark_secret_0123456789";

	private static final String PATH = "/api/v2/kyc/sessions/550e8400-e29b-41d4-a716-446655440000";

	private static final long TIMESTAMP = 1706012345678L;

	private final HmacSha256RequestSigner signer = new HmacSha256RequestSigner(SECRET);

	private byte[] noBody = new byte[0];

	private byte[] kilobyteBody = new byte[0];

	private Mac mac;

	private MessageDigest sha256;

	@Setup
	public void setUp() throws GeneralSecurityException {
		this.kilobyteBody = new byte[1024];
		Arrays.fill(this.kilobyteBody, (byte) 'a');
		this.mac = Mac.getInstance("HmacSHA256");
		this.mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		this.sha256 = MessageDigest.getInstance("SHA-256");
	}

	@Benchmark
	public String signGet() {
		return this.signer.sign("GET", PATH, TIMESTAMP, this.noBody);
	}

	@Benchmark
	public String rawGet() {
		return raw("GET", this.noBody);
	}

	@Benchmark
	public String signPost1Kb() {
		return this.signer.sign("POST", "/api/v2/kyc/sessions", TIMESTAMP, this.kilobyteBody);
	}

	@Benchmark
	public String rawPost1Kb() {
		return raw("POST", this.kilobyteBody);
	}

	private String raw(String method, byte[] body) {
		String path = method.equals("GET") ? PATH : "/api/v2/kyc/sessions";
		String bodyHash = HexFormat.of().formatHex(this.sha256.digest(body));
		String toSign = method + path + TIMESTAMP + bodyHash;
		return HexFormat.of().formatHex(this.mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
	}

}
