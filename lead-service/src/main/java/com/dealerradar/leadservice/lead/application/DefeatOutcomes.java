package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.DefeatEvent;
import com.dealerradar.leadservice.lead.domain.DefeatKind;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies defeat-service's verdicts to the lead: a confirmed defeat makes it AT_RISK or DEFEATED, a
 * reversed one reopens it. The defeat's sequence is recorded in the lead in the same conditional write
 * as the status and its radar.lead.status-changed.v1 event, so a redelivery or a stale event changes nothing.
 */
@Service
public class DefeatOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DefeatOutcomes.class);
    private static final int ATTEMPTS = 5;

    private final Leads leads;

    public DefeatOutcomes(Leads leads) {
        this.leads = leads;
    }

    public Mono<Lead> confirmed(String leadId, DefeatEvent event, DefeatKind kind) {
        return apply(leadId, event, lead -> lead.defeatConfirmed(event, kind));
    }

    public Mono<Lead> reversed(String leadId, DefeatEvent event) {
        return apply(leadId, event, lead -> lead.defeatReversed(event));
    }

    private Mono<Lead> apply(String leadId, DefeatEvent event, UnaryOperator<Lead> verdict) {
        return leads.find(leadId)
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("defeat event {} names unknown lead {}; ignored",
                        event.eventId(), leadId)))
                .flatMap(before -> {
                    Lead after = verdict.apply(before);
                    if (after == before) {
                        log.info("defeat event {} for lead {} was applied before or is stale; ignored",
                                event.eventId(), leadId);
                        return Mono.just(before);
                    }
                    List<OutboxEvent> events = List.of();
                    if (after.status() != before.status()) {
                        events = List.of(LeadEvents.statusChanged(before, after, event.defeatId(), event.occurredAt()));
                    } else if (before.status().isFinal()) {
                        log.info("defeat {} arrived for lead {} already {}; its status stays", event.defeatId(),
                                leadId, before.status());
                    }
                    return leads.update(after, before.version(), events)
                            .flatMap(written -> written ? Mono.just(after) : Mono.error(new ConcurrentChange(leadId)));
                })
                .retryWhen(Retry.max(ATTEMPTS - 1).filter(ConcurrentChange.class::isInstance));
    }
}
