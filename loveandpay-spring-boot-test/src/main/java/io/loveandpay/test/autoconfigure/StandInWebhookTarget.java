package io.loveandpay.test.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.loveandpay.test.standin.LoveandpayStandIn;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Points the stand-in's webhooks at the application's own web server once it has started:
 * {@code http}, loopback (or {@code server.address} when it names one host), the server's
 * port, the servlet context path or WebFlux base path, then
 * {@code loveandpay.webhook.path}. Servers with a namespace (Actuator's management
 * server) are ignored. A {@code MOCK} web environment starts no server, so there the
 * stand-in keeps the builder's webhook URL (none): it sends no webhook until a test sets
 * one.
 */
final class StandInWebhookTarget implements ApplicationListener<WebServerInitializedEvent> {

	static final String DEFAULT_PATH = "/loveandpay/webhooks";

	private final LoveandpayStandIn standIn;

	private final Environment environment;

	private volatile @Nullable URI url;

	StandInWebhookTarget(LoveandpayStandIn standIn, Environment environment) {
		this.standIn = standIn;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		this.url = url(event.getWebServer().getPort());
		apply();
	}

	/**
	 * Point the stand-in's webhooks at the application again, after a reset restored the
	 * builder's settings. Does nothing before the web server started.
	 */
	void apply() {
		URI url = this.url;
		if (url != null) {
			this.standIn.webhookUrl(url);
		}
	}

	URI url(int port) {
		String host = this.environment.getProperty("server.address", "");
		if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
			host = "127.0.0.1";
		}
		else if (host.contains(":") && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		String base = this.environment.getProperty("server.servlet.context-path",
				this.environment.getProperty("spring.webflux.base-path", ""));
		String path = this.environment.getProperty("loveandpay.webhook.path", DEFAULT_PATH);
		return URI.create("http://" + host + ":" + port + trimmed(base) + path);
	}

	private static String trimmed(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
