package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The findings listed for reading by key: per group, region and owner dealer, by due date (all of them,
 * and per state), and per group and region by the day of their first assignment and state (what the
 * summary counts). A finding joins its lists before it is written and again after, and leaves the ones
 * it no longer belongs to after, so a list never misses it; entries left stale are dropped when read.
 */
public interface FindingLists {

    /** A page of findings and the total of the list. */
    record Found(List<Finding> findings, long total) {}

    /** Before {@code after} is written over {@code before} (null for a first assignment): it joins its lists. */
    Mono<Void> changing(Finding before, Finding after);

    /** After {@code after} was written: it joins its lists again and leaves the ones only {@code before} was in. */
    Mono<Void> changed(Finding before, Finding after);

    /**
     * The findings of {@code list} in {@code state} (any when null), earliest due first; with
     * {@code dueBefore}, only those due before that day.
     */
    Mono<Found> byDueDate(FindingList list, FindingState state, LocalDate dueBefore, long skip, int limit);

    /** How many findings of the group or a region ({@code region} null: the group) first assigned from {@code from} to {@code to} are in each state. */
    Mono<Map<FindingState, Long>> assignedBetween(String region, LocalDate from, LocalDate to);
}
