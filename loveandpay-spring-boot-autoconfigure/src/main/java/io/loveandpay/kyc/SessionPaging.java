package io.loveandpay.kyc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a walk over every page of a query stands: the offset of the next page, whether
 * the last page was read, and the sessions seen so far, so that a session shifted to a
 * later page by sessions created meanwhile is emitted once. Used by one walk at a time,
 * page after page.
 */
final class SessionPaging {

	private final KycSessionQuery query;

	private final Set<UUID> seen = new HashSet<>();

	private int nextOffset;

	private boolean lastPageRead;

	SessionPaging(KycSessionQuery query) {
		this.query = query;
		this.nextOffset = query.offset();
	}

	/**
	 * Return the query of the next page.
	 * @return the query, or {@code null} once the last page was read
	 */
	@Nullable KycSessionQuery nextPage() {
		return this.lastPageRead ? null : this.query.toBuilder().offset(this.nextOffset).build();
	}

	/**
	 * Return whether the last page was read.
	 * @return {@code true} when no page follows
	 */
	boolean finished() {
		return this.lastPageRead;
	}

	/**
	 * Take in the page read for {@link #nextPage()}.
	 * @param page the page
	 * @return its sessions not seen before, in order
	 */
	List<KycSession> read(KycSessionPage page) {
		List<KycSession> unseen = new ArrayList<>(page.items().size());
		for (KycSession session : page.items()) {
			if (this.seen.add(session.id())) {
				unseen.add(session);
			}
		}
		this.nextOffset += page.items().size();
		this.lastPageRead = page.items().isEmpty() || this.nextOffset >= page.total();
		return unseen;
	}

}
