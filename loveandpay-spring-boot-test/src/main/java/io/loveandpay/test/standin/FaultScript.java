package io.loveandpay.test.standin;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Faults scripted for one operation or one session, played in the order they were
 * scripted, each by the next request that reaches it (after the signature check and the
 * rate limit). Methods chain: <pre class="code">
 * standIn.faults().onGet().failNext(2, 503).delay(Duration.ofSeconds(2));
 * standIn.faults().onCreate().loseAnswerAfterCreating();
 * </pre>
 *
 * @since 0.1.0
 */
public final class FaultScript {

	private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();

	FaultScript() {
	}

	/**
	 * Answer the next {@code count} requests with {@code status} in the provider's error
	 * shape ({@code SERVICE_UNAVAILABLE} for 503, {@code INTERNAL_ERROR} for other 5xx).
	 * @param count how many requests
	 * @param status the HTTP status, 400 to 599
	 * @return this script
	 */
	public FaultScript failNext(int count, int status) {
		Assert.isTrue(status >= 400 && status <= 599, "status must be 4xx or 5xx");
		return add(count, new Fault(Fault.Kind.STATUS, status, Duration.ZERO, null, null));
	}

	/**
	 * Answer the next {@code count} requests with {@code status} and a given provider
	 * code in the nested error shape
	 * {@code {"success":false,"error":{"code","message","requestId"}}}.
	 * @param count how many requests
	 * @param status the HTTP status, 400 to 599
	 * @param code the provider's error code, such as {@code API_BLOCKED}
	 * @return this script
	 */
	public FaultScript failNext(int count, int status, String code) {
		Assert.isTrue(status >= 400 && status <= 599, "status must be 4xx or 5xx");
		return add(count, new Fault(Fault.Kind.STATUS, status, Duration.ZERO, code, null));
	}

	/**
	 * Answer the next {@code count} requests with {@code status} in the provider's other,
	 * flat error shape: {@code {"error":CODE,"code":CODE,"message","hint"}}.
	 * @param count how many requests
	 * @param status the HTTP status, 400 to 599
	 * @param code the provider's error code, such as {@code NO_TERMINAL}
	 * @return this script
	 */
	public FaultScript failNextFlat(int count, int status, String code) {
		Assert.isTrue(status >= 400 && status <= 599, "status must be 4xx or 5xx");
		return add(count, new Fault(Fault.Kind.FLAT_STATUS, status, Duration.ZERO, code, null));
	}

	/**
	 * Answer the next {@code count} requests with 429 {@code RATE_LIMIT_EXCEEDED} and a
	 * {@code Retry-After} header.
	 * @param count how many requests
	 * @param retryAfter the {@code Retry-After}, whole seconds
	 * @return this script
	 */
	public FaultScript rateLimitNext(int count, Duration retryAfter) {
		return add(count, new Fault(Fault.Kind.RATE_LIMIT, 429, retryAfter, null, null));
	}

	/**
	 * Delay the answer to the next request (which is then served normally).
	 * @param delay how long to wait before answering
	 * @return this script
	 */
	public FaultScript delay(Duration delay) {
		return delayNext(1, delay);
	}

	/**
	 * Delay the answers to the next {@code count} requests.
	 * @param count how many requests
	 * @param delay how long to wait before answering each
	 * @return this script
	 */
	public FaultScript delayNext(int count, Duration delay) {
		return add(count, new Fault(Fault.Kind.DELAY, 0, delay, null, null));
	}

	/**
	 * Close the connection of the next request, once it has been read whole, without
	 * doing anything or answering: the client sees its connection end before an answer, a
	 * transport error after its request was sent, as after a reset. (The JDK's HTTP
	 * server, which the stand-in runs on, ends the connection with a FIN rather than an
	 * RST, so the error's wording differs.)
	 * @return this script
	 */
	public FaultScript resetConnection() {
		return resetConnectionNext(1);
	}

	/**
	 * Close the connections of the next {@code count} requests without doing anything or
	 * answering, as {@link #resetConnection()} does.
	 * @param count how many requests
	 * @return this script
	 */
	public FaultScript resetConnectionNext(int count) {
		return add(count, Fault.of(Fault.Kind.RESET));
	}

	/**
	 * Serve the next request, then close its connection instead of answering: on a
	 * create, the session exists and the client sees a transport error.
	 * @return this script
	 */
	public FaultScript loseAnswer() {
		return add(1, Fault.of(Fault.Kind.LOSE_ANSWER));
	}

	/**
	 * On a create: create the session, then lose the answer; same as
	 * {@link #loseAnswer()}.
	 * @return this script
	 */
	public FaultScript loseAnswerAfterCreating() {
		return loseAnswer();
	}

	/**
	 * Report an undocumented status value (such as {@code MANUAL_REVIEW}) for the
	 * sessions in the next answer; the stored session keeps its status.
	 * @param status the status value to show
	 * @return this script
	 */
	public FaultScript undocumentedStatus(String status) {
		return add(1, new Fault(Fault.Kind.UNDOCUMENTED_STATUS, 0, Duration.ZERO, status, null));
	}

	/**
	 * Add an undocumented field to each session in the next answer, and to the top level
	 * of a list answer.
	 * @param name the field name
	 * @param value the field value (anything Jackson writes)
	 * @return this script
	 */
	public FaultScript extraField(String name, @Nullable Object value) {
		return add(1, new Fault(Fault.Kind.EXTRA_FIELD, 0, Duration.ZERO, name, value));
	}

	/**
	 * Forget every fault not yet played.
	 * @return this script
	 */
	public FaultScript clear() {
		this.faults.clear();
		return this;
	}

	/**
	 * Return how many scripted faults are still to be played.
	 * @return the number of faults left
	 */
	public int remaining() {
		return this.faults.size();
	}

	@Nullable Fault poll() {
		return this.faults.pollFirst();
	}

	private FaultScript add(int count, Fault fault) {
		Assert.isTrue(count > 0, "count must be positive");
		for (int i = 0; i < count; i++) {
			this.faults.addLast(fault);
		}
		return this;
	}

}
