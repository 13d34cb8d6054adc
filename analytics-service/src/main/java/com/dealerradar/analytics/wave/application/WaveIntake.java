package com.dealerradar.analytics.wave.application;

import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.fact.application.DealerDayObserver;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.wave.domain.DealerInquiries;
import com.dealerradar.analytics.wave.domain.Inquiry;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the inquiry days up to date with the cells: each dealer-day a flush recomputed has its
 * captures (a bounded list, read by key) grouped by industry, and the dealer's entry in each of those
 * industries' days recomputed and merged in. Recomputing rather than counting makes a redelivered or
 * replayed capture change nothing, and the merge keeps the newer of two entries
 * ({@link DealerInquiries}), so the order in which instances write does not matter. Coalesced like the
 * cells: a burst of captures on one dealer-day costs one recompute. One per generation of the read model.
 */
public class WaveIntake implements DealerDayObserver {

    private static final int ATTEMPTS = 20;

    private final CellIndex index;
    private final InquiryFacts facts;
    private final InquiryDays days;
    private final Set<String> filedIndustries = ConcurrentHashMap.newKeySet();

    public WaveIntake(CellIndex index, InquiryFacts facts, InquiryDays days) {
        this.index = index;
        this.facts = facts;
        this.days = days;
    }

    @Override
    public Mono<Void> recomputed(DealerDay dealerDay) {
        LocalDate day = LocalDate.parse(dealerDay.day());
        return index.leadsOf(dealerDay.dealerId(), dealerDay.day())
                .flatMapMany(facts::of)
                .collect(Collectors.groupingBy(Inquiry::industry, TreeMap::new, Collectors.toList()))
                .flatMapMany(byIndustry -> Flux.fromIterable(byIndustry.entrySet()))
                .concatMap(industry -> fileIndustry(industry.getKey()).then(merge(industry.getKey(), day,
                        DealerInquiries.of(dealerDay.dealerId(), dealerDay.region(), industry.getValue()), ATTEMPTS)))
                .then();
    }

    private Mono<Void> fileIndustry(String industry) {
        if (filedIndustries.contains(industry)) {
            return Mono.empty();
        }
        return days.addIndustry(industry).then(Mono.fromRunnable(() -> filedIndustries.add(industry)));
    }

    private Mono<Void> merge(String industry, LocalDate day, DealerInquiries entry, int attempts) {
        return days.find(industry, day).flatMap(stored -> stored.day().with(entry)
                .map(next -> days.write(next, stored.version()).flatMap(written -> {
                    if (written) {
                        return Mono.<Void>empty();
                    }
                    return attempts > 1 ? merge(industry, day, entry, attempts - 1)
                            : Mono.error(new IllegalStateException("inquiries of " + industry + " on " + day + " kept changing"));
                }))
                .orElse(Mono.empty()));
    }
}
