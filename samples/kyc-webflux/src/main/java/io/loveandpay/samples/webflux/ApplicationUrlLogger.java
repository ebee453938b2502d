package io.loveandpay.samples.webflux;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs the URL to open once the web server has started. Actuator's own management server,
 * if one is configured, is ignored.
 */
@Component
class ApplicationUrlLogger implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(ApplicationUrlLogger.class);

	private final Environment environment;

	ApplicationUrlLogger(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			logger.info("Open " + url(event.getWebServer().getPort()) + " to verify a customer");
		}
	}

	String url(int port) {
		String basePath = this.environment.getProperty("spring.webflux.base-path", "");
		return "http://localhost:" + port + (basePath.endsWith("/") ? basePath : basePath + "/");
	}

}
