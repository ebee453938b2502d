package io.loveandpay.testsupport;

import java.util.List;

/**
 * Counts over sliding windows, for tests of rate limits.
 */
public final class SlidingWindows {

	private SlidingWindows() {
	}

	/**
	 * Return the most times that fall within any closed window of the given length.
	 * @param sortedTimes the times, in ascending order
	 * @param window the window's length, in the times' unit
	 * @return the most times in one window
	 */
	public static int mostInAnyWindow(List<Long> sortedTimes, long window) {
		int most = 0;
		int first = 0;
		for (int last = 0; last < sortedTimes.size(); last++) {
			while (sortedTimes.get(last) - sortedTimes.get(first) > window) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

}
