package io.loveandpay.autoconfigure;

/**
 * A {@code loveandpay.*} property, or a {@link LoveandpayConnectionDetails} bean,
 * supplies a missing or invalid setting. Its message names the property (or the bean's
 * method) and the problem, never the value; the start-up failure report adds how to fix
 * it.
 *
 * @since 0.1.0
 */
public final class LoveandpayConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	private final boolean missing;

	LoveandpayConfigurationException(String property, String problem, String action) {
		this(property, problem, action, false);
	}

	/**
	 * Create an exception for a setting of the starter's own auto-configurations.
	 * @param property the name of the property at fault
	 * @param problem what is wrong with it, never its value
	 * @param action how to fix the configuration
	 * @param missing whether a required property is missing, rather than set to a wrong
	 * value
	 */
	public LoveandpayConfigurationException(String property, String problem, String action, boolean missing) {
		super(property + " " + problem);
		this.property = property;
		this.action = action;
		this.missing = missing;
	}

	/**
	 * Return the name of the property at fault, such as {@code loveandpay.api-key}, or,
	 * when a {@link LoveandpayConnectionDetails} bean supplied the setting, its class and
	 * method, such as {@code com.example.StandInConnectionDetails.getApiKey()}.
	 * @return the property name
	 */
	public String property() {
		return this.property;
	}

	/**
	 * Return how to fix the configuration.
	 * @return the action to take
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Return whether a required property is missing, rather than set to a wrong value.
	 * @return whether the property is missing
	 */
	boolean missing() {
		return this.missing;
	}

}
