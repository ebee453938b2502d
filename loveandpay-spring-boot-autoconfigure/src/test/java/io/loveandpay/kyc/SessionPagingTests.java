package io.loveandpay.kyc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.loveandpay.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionPaging}.
 */
class SessionPagingTests {

	@Test
	void aLongWalkRemembersOnlyTheIdsOfItsLastPages() {
		KycSessionQuery query = KycSessionQuery.builder().limit(KycSessionQuery.MAX_LIMIT).build();
		SessionPaging paging = new SessionPaging(query);
		int total = 1_000 * KycSessionQuery.MAX_LIMIT;
		for (int page = 0; page < 1_000; page++) {
			KycSessionQuery next = paging.nextPage();
			assertThat(next).isNotNull();
			List<KycSession> sessions = new ArrayList<>();
			for (int i = 0; i < next.limit(); i++) {
				sessions.add(session(Fixtures.id(next.offset() + i)));
			}
			assertThat(paging.read(new KycSessionPage(sessions, total, next.limit(), next.offset(), 1_000)))
				.hasSize(KycSessionQuery.MAX_LIMIT);
			assertThat(paging.remembered())
				.isLessThanOrEqualTo(SessionPaging.REMEMBERED_PAGES * KycSessionQuery.MAX_LIMIT);
		}
		assertThat(paging.finished()).isTrue();
	}

	private static KycSession session(UUID id) {
		return new KycSession(id, null, null, null, null, null, KycStatus.IN_PROGRESS, null, null, null, Instant.EPOCH);
	}

}
