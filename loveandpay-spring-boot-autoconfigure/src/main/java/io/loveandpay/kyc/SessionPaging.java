package io.loveandpay.kyc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.loveandpay.client.LoveandpayProtocolException;

import static io.loveandpay.kyc.DefaultKycSessionService.LIST;

/**
 * Where a walk over every page of a query stands: the offset of the next page, whether
 * the last page was read, and the ids of the last pages read, so that a session shifted
 * to a later page by sessions created meanwhile is emitted once. Used by one walk at a
 * time, page after page.
 * <p>
 * A walk ends normally on an empty page or once its offset reaches the page's
 * {@code total}. So that an answer that never says so cannot make a walk spend the
 * account's request quota, a walk ends with a {@link LoveandpayProtocolException} when:
 * <ul>
 * <li>a page that is not empty holds only sessions already listed: the walk would not
 * move on;</li>
 * <li>the next page would start past the {@code total} of the walk's first page by more
 * than a margin: two pages, or a tenth of that total when that is more. Sessions created
 * while the walk goes on legitimately push its end further, and the margin leaves room
 * for them.</li>
 * </ul>
 * An answer for another offset than asked is refused before it gets here
 * ({@link SessionAnswers}).
 * <p>
 * Memory stays bounded: only the ids of the last {@value #REMEMBERED_PAGES} pages are
 * kept, at most {@value #REMEMBERED_PAGES} times {@value KycSessionQuery#MAX_LIMIT} ids
 * however long the walk. That is enough for offset paging, where sessions created between
 * two reads shift the next page back by as many sessions: a session is listed twice only
 * if more than {@value #REMEMBERED_PAGES} pages of sessions are created between two page
 * reads, a moment apart. Remembering every id instead would grow with the account, and
 * capping that set would make long walks over real accounts fail.
 */
final class SessionPaging {

	static final int REMEMBERED_PAGES = 10;

	private static final int MARGIN_PAGES = 2;

	private static final int MARGIN_DIVISOR = 10;

	private final KycSessionQuery query;

	private final Deque<Set<UUID>> recentPages = new ArrayDeque<>(REMEMBERED_PAGES);

	private int nextOffset;

	private long endOfWalk = Long.MAX_VALUE;

	private boolean lastPageRead;

	SessionPaging(KycSessionQuery query) {
		this.query = query;
		this.nextOffset = query.offset();
	}

	/**
	 * Return the query of the next page.
	 * @return the query, or {@code null} once the last page was read
	 * @throws LoveandpayProtocolException if the walk has gone past the first page's
	 * total by more than the margin
	 */
	@Nullable KycSessionQuery nextPage() {
		if (this.lastPageRead) {
			return null;
		}
		if (this.nextOffset >= this.endOfWalk) {
			throw new LoveandpayProtocolException(LIST,
					LIST + " walked past the 'pagination.total' of its first page " + "by more than " + MARGIN_PAGES
							+ " pages or a tenth, and later pages still announce more: "
							+ "the walk ends rather than reading on without end",
					null);
		}
		return this.query.toBuilder().offset(this.nextOffset).build();
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
	 * @throws LoveandpayProtocolException if the page is not empty and holds only
	 * sessions already listed
	 */
	List<KycSession> read(KycSessionPage page) {
		List<KycSession> unseen = new ArrayList<>(page.items().size());
		Set<UUID> ids = new HashSet<>();
		for (KycSession session : page.items()) {
			if (ids.add(session.id()) && !seen(session.id())) {
				unseen.add(session);
			}
		}
		if (!page.items().isEmpty() && unseen.isEmpty()) {
			throw new LoveandpayProtocolException(LIST,
					LIST + " received a page (offset " + page.offset()
							+ ") that holds only sessions already listed: the walk ends rather than read them again",
					null);
		}
		if (this.recentPages.size() == REMEMBERED_PAGES) {
			this.recentPages.removeFirst();
		}
		this.recentPages.addLast(ids);
		if (this.endOfWalk == Long.MAX_VALUE) {
			this.endOfWalk = (long) page.total()
					+ Math.max((long) MARGIN_PAGES * page.limit(), page.total() / MARGIN_DIVISOR);
		}
		this.nextOffset += page.items().size();
		this.lastPageRead = page.items().isEmpty() || this.nextOffset >= page.total();
		return unseen;
	}

	/**
	 * Return how many session ids the walk remembers.
	 * @return at most {@value #REMEMBERED_PAGES} pages' worth
	 */
	int remembered() {
		return this.recentPages.stream().mapToInt(Set::size).sum();
	}

	private boolean seen(UUID id) {
		for (Set<UUID> page : this.recentPages) {
			if (page.contains(id)) {
				return true;
			}
		}
		return false;
	}

}
