package com.dealerradar.analytics.fact.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * What a cell is made of, each read by key: a dealer's day to its leads, a region to its dealers and
 * the group to its regions, and the first and last day with leads (which closes an open cohort).
 */
public interface CellIndex {

    record Extent(LocalDate first, LocalDate last) {}

    Mono<Void> addLead(String dealerId, String day, String leadId);

    Mono<List<String>> leadsOf(String dealerId, String day);

    /** Files a dealer under its region, and the region under the group. */
    Mono<Void> addDealer(String region, String dealerId);

    /** Widens the days with leads to include {@code first} to {@code last}. */
    Mono<Void> widen(String first, String last);

    Mono<List<String>> dealersIn(String region);

    Mono<List<String>> regions();

    Mono<Optional<Extent>> extent();
}
