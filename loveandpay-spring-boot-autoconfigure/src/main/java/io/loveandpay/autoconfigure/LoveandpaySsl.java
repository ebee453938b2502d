package io.loveandpay.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Finds the SSL bundle named by {@code loveandpay.ssl.bundle} at start-up, failing with a
 * message that names the property when there is no such bundle.
 */
final class LoveandpaySsl {

	static final String BUNDLE = "loveandpay.ssl.bundle";

	private LoveandpaySsl() {
	}

	static @Nullable SslBundle bundle(LoveandpayProperties properties, ObjectProvider<SslBundles> sslBundles) {
		String name = properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		String action = "Define the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
				+ ", or remove " + BUNDLE + " to trust the JVM's default certificate authorities.";
		SslBundles bundles = sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new LoveandpayConfigurationException(BUNDLE, "names an SSL bundle but there are no SSL bundles",
					action);
		}
		try {
			return bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new LoveandpayConfigurationException(BUNDLE, "names SSL bundle '" + name + "', which does not exist",
					action);
		}
	}

}
