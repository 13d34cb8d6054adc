package com.dealerradar.local.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a count of outstanding work to read 0 on {@value #POLLS} polls in a row, a second apart: a count
 * can read 0 for a moment while the work moves from one stage to the next (a consumer between two polls, a
 * flush between two rounds).
 */
final class QuietPolls {

    static final int POLLS = 3;

    private QuietPolls() {
    }

    /**
     * @param outstanding the count now (a count that cannot be read yet answers anything but 0)
     * @param stillOutstanding what to say of the count left when {@code limit} has passed, e.g. "%.0f events unread"
     * @return how long it took
     */
    static Duration await(Duration limit, Callable<Double> outstanding, String stillOutstanding) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        for (int quiet = 0; quiet < POLLS; ) {
            double left = outstanding.call();
            quiet = left == 0 ? quiet + 1 : 0;
            if (quiet < POLLS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(stillOutstanding.formatted(left) + " after " + limit);
                }
                Thread.sleep(1_000);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
