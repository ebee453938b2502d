package io.loveandpay.client.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a URL's host is this machine: {@code localhost}, or an IP literal in
 * {@code 127.0.0.0/8} or {@code ::1}. The host is parsed, never looked up, so names such
 * as {@code 127.0.0.1.example.com} are not loopback; subdomains of {@code localhost} are
 * not either, since only the resolver decides where they go.
 */
public final class Loopback {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private Loopback() {
	}

	/**
	 * Return whether the URL's host is loopback.
	 * @param url the URL
	 * @return {@code true} for {@code localhost} and loopback IP literals
	 */
	public static boolean isLoopback(URI url) {
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		if (host.equals("localhost")) {
			return true;
		}
		Matcher ipv4 = IPV4.matcher(host);
		if (ipv4.matches()) {
			for (int octet = 1; octet <= 4; octet++) {
				if (Integer.parseInt(ipv4.group(octet)) > 255) {
					return false;
				}
			}
			return ipv4.group(1).equals("127");
		}
		if (host.startsWith("[") && host.endsWith("]") && host.indexOf(':') > 0) {
			try {
				// An IPv6 literal (it has a colon): parsed by the JDK, never looked up.
				return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

}
