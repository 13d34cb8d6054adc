package com.dealerradar.analytics.wave.application;

import com.dealerradar.analytics.fact.application.CaptureObserver;
import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.wave.domain.DealerInquiries;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Keeps the inquiry days up to date from the captures: a capture with an industry recomputes its
 * dealer's entry in the industry's day from the dealer's whole day of captures (a bounded list, read by
 * key) and merges it in. Recomputing rather than counting makes a redelivered or replayed capture
 * change nothing, and the merge keeps the newer of two entries ({@link DealerInquiries}), so the
 * order in which instances write does not matter. One per generation of the read model.
 */
public class WaveIntake implements CaptureObserver {

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
    public Mono<Void> captured(GroupKey group) {
        String industry = group.industry();
        if (industry == null || industry.isBlank()) {
            return Mono.empty();
        }
        return fileIndustry(industry)
                .then(index.leadsOf(group.dealerId(), group.day()))
                .flatMap(leadIds -> facts.of(leadIds).filter(inquiry -> industry.equals(inquiry.industry())).collectList())
                .map(inquiries -> DealerInquiries.of(group.dealerId(), group.region(), inquiries))
                .flatMap(entry -> merge(industry, LocalDate.parse(group.day()), entry, ATTEMPTS));
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
