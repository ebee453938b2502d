package io.loveandpay.samples.webmvc;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, logs the URL to open in a browser.
 */
@Component
class OpenInBrowser {

	private static final Log logger = LogFactory.getLog(OpenInBrowser.class);

	@EventListener
	void on(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port");
		if (port != null) {
			String contextPath = environment.getProperty("server.servlet.context-path", "");
			logger.info("Open http://localhost:" + port + contextPath + "/ to verify a customer");
		}
	}

}
