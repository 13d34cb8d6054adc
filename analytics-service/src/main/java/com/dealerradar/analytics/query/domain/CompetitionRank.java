package com.dealerradar.analytics.query.domain;

import java.util.ArrayList;
import java.util.List;

/** Ranks values highest first; equal values share a rank and the next rank skips ("1, 2, 2, 4"). */
public final class CompetitionRank {

    private CompetitionRank() {}

    /** {@code descending} must already be sorted highest first. */
    public static List<Integer> of(List<Double> descending) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < descending.size(); i++) {
            boolean tie = i > 0 && descending.get(i).equals(descending.get(i - 1));
            ranks.add(tie ? ranks.get(i - 1) : i + 1);
        }
        return ranks;
    }
}
