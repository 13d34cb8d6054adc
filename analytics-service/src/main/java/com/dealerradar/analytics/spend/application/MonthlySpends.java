package com.dealerradar.analytics.spend.application;

import com.dealerradar.analytics.spend.domain.MonthlySpend;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marketing spend, one figure per dealer and month, and an index of the dealers with spend in the
 * group and per region and of the first and last month, so that a read asks for a bounded list of
 * figures instead of scanning.
 */
public interface MonthlySpends {

    /** The dealers with spend in the group or a region, and the first and last month with spend in the group. */
    record SpendIndex(List<String> dealers, YearMonth first, YearMonth last) {}

    Mono<MonthlySpend> replace(MonthlySpend spend);

    /** Files a dealer's spend under the group and its region (if known), and widens the months with spend. */
    Mono<Void> index(String dealerId, String region, YearMonth month);

    /** The index of the group ({@code region} null) or a region. */
    Mono<SpendIndex> indexOf(String region);

    /** Spend of the given dealers in the months {@code from} to {@code to}. */
    Flux<MonthlySpend> find(Collection<String> dealerIds, YearMonth from, YearMonth to);
}
