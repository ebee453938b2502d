package io.loveandpay.client.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

import io.netty.util.NetUtil;

/**
 * Tells whether a URL's host is this machine: {@code localhost}, or an IP literal in
 * {@code 127.0.0.0/8} or {@code ::1}. The host is parsed, never looked up, so names such
 * as {@code 127.0.0.1.example.com} are not loopback; subdomains of {@code localhost} are
 * not either, since only the resolver decides where they go.
 */
public final class Loopback {

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
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
		return address != null && address.isLoopbackAddress();
	}

}
