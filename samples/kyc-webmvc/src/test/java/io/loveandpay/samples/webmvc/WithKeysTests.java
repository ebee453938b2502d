package io.loveandpay.samples.webmvc;

import io.loveandpay.test.standin.LoveandpayStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With keys set, the same configuration talks to loveandpay: no stand-in runs, and no
 * page says it does. Start-up sends nothing, so no request leaves the machine.
 */
@SpringBootTest(properties = { "loveandpay.api-key=pk_test_sample", "loveandpay.secret-key=sk_test_canary_sample",
		"loveandpay.webhook.secret=whsec_canary_sample" })
@AutoConfigureMockMvc
class WithKeysTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void withKeysNoStandInRunsAndNoBannerShows() throws Exception {
		assertThat(this.context.getBeanNamesForType(LoveandpayStandIn.class)).isEmpty();
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"customerId\"")))
			.andExpect(content().string(not(containsString("stand-in-banner"))));
	}

}
