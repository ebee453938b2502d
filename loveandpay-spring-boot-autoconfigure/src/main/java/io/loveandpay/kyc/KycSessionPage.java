package io.loveandpay.kyc;

import java.util.List;

/**
 * One page of KYC sessions.
 *
 * @param items the sessions of this page
 * @param total how many sessions match the query in all
 * @param limit the page size asked for
 * @param offset how many matching sessions come before this page
 * @param pages how many pages there are in all
 * @since 0.1.0
 */
public record KycSessionPage(List<KycSession> items, int total, int limit, int offset, int pages) {

	/**
	 * Create a page.
	 */
	public KycSessionPage {
		items = List.copyOf(items);
	}

	/**
	 * Return whether more sessions follow this page.
	 * @return {@code true} when a later offset holds more sessions
	 */
	public boolean hasNext() {
		return !this.items.isEmpty() && this.offset + this.items.size() < this.total;
	}

	@Override
	public String toString() {
		return "KycSessionPage[items=" + this.items.size() + ", total=" + this.total + ", limit=" + this.limit
				+ ", offset=" + this.offset + ", pages=" + this.pages + "]";
	}

}
