package com.dealerradar.analytics.fact.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a cell's rows: a dealer-day cell from the groups of the day's facts, any other cell from
 * its children's rows (the days of a month, the months of a year, the dealers of a region, the regions
 * of the group). A pure function of its inputs, so that recomputing a cell any number of times, in
 * any instance, gives the same document.
 */
public final class CellCalculator {

    private CellCalculator() {}

    /** The full groups of a dealer's day, from its facts: the children of the dealer-day cells. */
    public static List<Rollup> groups(Map<GroupKey, List<LeadFact>> factsByGroup) {
        List<Rollup> groups = new ArrayList<>();
        factsByGroup.forEach((key, facts) -> groups.add(RollupCalculator.of(key, facts, Rollup.OPEN_LEADS)));
        return groups;
    }

    public static List<Rollup> rows(CellView view, String period, CellScope scope, Collection<Rollup> children) {
        Map<String, RollupSum> sums = new TreeMap<>();
        Map<String, GroupKey> keys = new LinkedHashMap<>();
        for (Rollup child : children) {
            String row = view.rowKey(child.key());
            sums.computeIfAbsent(row, r -> new RollupSum()).add(child);
            keys.putIfAbsent(row, view.project(child.key(), period, scope));
        }
        int openLeads = view.keepsEvidence(scope) ? Rollup.OPEN_LEADS : 0;
        List<Rollup> rows = new ArrayList<>();
        sums.forEach((row, sum) -> rows.add(sum.toRollup(keys.get(row), openLeads)));
        return capped(view, period, scope, rows, openLeads);
    }

    /** The largest rows by traffic (then captured, then key); the rest summed into one {@link Rollup#OTHER} row. */
    private static List<Rollup> capped(CellView view, String period, CellScope scope, List<Rollup> rows, int openLeads) {
        int max = view.maxRows(scope);
        if (rows.size() <= max) {
            return rows;
        }
        List<Rollup> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Rollup::traffic).reversed()
                .thenComparing(Comparator.comparingLong(Rollup::captured).reversed())
                .thenComparing(r -> view.rowKey(r.key())));
        List<Rollup> kept = new ArrayList<>();
        RollupSum rest = new RollupSum();
        String region = null;
        for (Rollup row : sorted) {
            boolean other = view.rowKey(row.key()).equals(view.rowKey(view.otherRow(period, null)));
            if (kept.size() < max - 1 && !other) {
                kept.add(row);
            } else {
                rest.add(row);
                region = row.key().region();
            }
        }
        kept.add(rest.toRollup(view.otherRow(period, view.fields().contains("region") ? null : region), openLeads));
        return kept;
    }
}
