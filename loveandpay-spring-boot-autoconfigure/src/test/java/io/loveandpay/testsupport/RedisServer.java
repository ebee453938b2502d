package io.loveandpay.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's {@code redis-server}, started as a process on a free port of 127.0.0.1 for a
 * test class ({@code @RegisterExtension static RedisServer redis = new RedisServer();})
 * and stopped after it; nothing is saved to disk. Without the package, the tests are
 * skipped, or fail under {@code CI=true}, where {@code .ci/run} installs it first.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	/** Where Debian's package {@code redis-server} puts the server. */
	public static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private int port;

	private @Nullable Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		assumeInstalled();
		for (int attempt = 1; this.process == null; attempt++) {
			this.port = freePort();
			try {
				start();
			}
			catch (IllegalStateException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Return the port the server listens on, on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the properties that point Spring Boot's Redis auto-configuration at the
	 * server, with short timeouts.
	 * @return the properties, as {@code name=value}
	 */
	public String[] properties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port,
				"spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=1s" };
	}

	/**
	 * Stop the server, if it runs, and wait until it has exited.
	 */
	public void stop() {
		Process running = this.process;
		this.process = null;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.destroyForcibly();
		}
	}

	/**
	 * Start the server on its port again, empty, after {@link #stop()}, and wait until it
	 * answers.
	 */
	public void restart() {
		stop();
		start();
	}

	/**
	 * Start the server on {@link #port()} and wait until it answers {@code PING}.
	 * @throws IllegalStateException when it exits first (the port was taken, say)
	 */
	private void start() {
		try {
			Path dir = Files.createTempDirectory("redis-server");
			dir.toFile().deleteOnExit();
			Process started = new ProcessBuilder(List.of(EXECUTABLE.toString(), "--port", Integer.toString(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			await("redis-server answering on 127.0.0.1:" + this.port).atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !started.isAlive() || answersPing());
			if (!started.isAlive()) {
				throw new IllegalStateException(
						"redis-server exited with " + started.exitValue() + " on port " + this.port);
			}
			this.process = started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(7);
			return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Skip the test when {@code redis-server} is missing, or fail it under
	 * {@code CI=true}.
	 */
	static void assumeInstalled() {
		if (Files.isExecutable(EXECUTABLE)) {
			return;
		}
		String message = EXECUTABLE + " not found: install the Debian package redis-server"
				+ " (apt-get install redis-server)";
		if ("true".equals(System.getenv("CI"))) {
			fail(message);
		}
		abort(message);
	}

}
