package io.loveandpay.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * What reached a WireMock server, oldest first.
 */
public final class Received {

	private Received() {
	}

	public static List<LoggedRequest> requests(WireMockExtension server) {
		List<LoggedRequest> requests = new ArrayList<>(
				server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
		Collections.reverse(requests);
		return requests;
	}

}
