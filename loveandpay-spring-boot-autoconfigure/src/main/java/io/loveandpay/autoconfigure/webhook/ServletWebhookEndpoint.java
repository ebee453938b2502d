package io.loveandpay.autoconfigure.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.loveandpay.webhook.LoveandpayWebhookEvent;
import io.loveandpay.webhook.LoveandpayWebhookHandler;
import io.loveandpay.webhook.LoveandpayWebhookReceiver;
import io.loveandpay.webhook.LoveandpayWebhookReceiver.Reception;
import io.loveandpay.webhook.WebhookOutcome;
import io.loveandpay.webhook.WebhookSigner;
import io.loveandpay.webhook.WebhookVerifier;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint on Spring MVC. The body is read up to the limit and no further;
 * the listeners and handlers run on the request thread, each handler's {@code Mono}
 * waited for at most the claim timeout. The answer has the outcome's status and no body.
 */
final class ServletWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private final WebhookDelivery delivery;

	ServletWebhookEndpoint(WebhookDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		long max = this.delivery.maxBodySize();
		if (request.servletRequest().getContentLengthLong() > max) {
			return answer(this.delivery.tooLarge());
		}
		byte[] body;
		try (InputStream in = request.servletRequest().getInputStream()) {
			body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
		}
		ServerRequest.Headers headers = request.headers();
		LoveandpayWebhookReceiver receiver = this.delivery.receiver();
		Reception reception = receiver.receive(body, headers.firstHeader(WebhookVerifier.SIGNATURE_HEADER),
				headers.firstHeader(WebhookSigner.ID_HEADER), headers.firstHeader(WebhookSigner.TIMESTAMP_HEADER));
		WebhookOutcome outcome = reception.outcome();
		if (outcome == null) {
			outcome = deliver(reception);
		}
		this.delivery.recorder().record(outcome, reception.event(), reception.secretIndex());
		return answer(outcome);
	}

	private WebhookOutcome deliver(Reception reception) {
		LoveandpayWebhookEvent event = reception.event();
		LoveandpayWebhookReceiver receiver = this.delivery.receiver();
		if (event == null) {
			throw new IllegalStateException("A reception to deliver has no event");
		}
		Duration timeout = receiver.limits().claimTimeout();
		try {
			this.delivery.publisher().publishEvent(event);
			for (LoveandpayWebhookHandler handler : this.delivery.handlers()) {
				handler.handle(event).block(timeout);
			}
		}
		catch (RuntimeException | Error ex) {
			WebhookOutcome failed = receiver.failed(reception, ex);
			if (ex instanceof VirtualMachineError fatal) {
				throw fatal;
			}
			return failed;
		}
		return receiver.delivered(reception);
	}

	private static ServerResponse answer(WebhookOutcome outcome) {
		return ServerResponse.status(outcome.statusCode()).build();
	}

}
