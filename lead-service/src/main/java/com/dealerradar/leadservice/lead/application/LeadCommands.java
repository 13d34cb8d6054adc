package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.IllegalTransition;
import com.dealerradar.leadservice.lead.domain.InvalidReason;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.security.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The commands on an existing lead. Each reads the lead, lets the domain decide, and writes the new
 * state with its event in one update guarded on the version it read; a concurrent change makes it
 * decide again on the fresh lead. Repeating a command that changes nothing returns the lead as is.
 */
@Service
public class LeadCommands {

    private static final int ATTEMPTS = 3;

    private final LeadQueries queries;
    private final Leads leads;
    private final Clock clock;

    public LeadCommands(LeadQueries queries, Leads leads, Clock clock) {
        this.queries = queries;
        this.leads = leads;
        this.clock = clock;
    }

    public Mono<Lead> grade(Caller caller, String leadId, Grade grade, OffsetDateTime at) {
        return change(caller, leadId, lead -> lead.graded(grade, at, clock.instant()),
                (before, after) -> LeadEvents.graded(before, after, at));
    }

    public Mono<Lead> contact(Caller caller, String leadId, OffsetDateTime at) {
        return change(caller, leadId, lead -> lead.contactObtained(at, clock.instant()),
                (before, after) -> LeadEvents.contactRetained(after, at));
    }

    public Mono<Lead> deal(Caller caller, String leadId, OffsetDateTime at, String model, BigDecimal price,
            int vehicles) {
        return change(caller, leadId, lead -> lead.won(at, model, price, vehicles, clock.instant()),
                (before, after) -> LeadEvents.won(after));
    }

    public Mono<Lead> invalid(Caller caller, String leadId, InvalidReason reason, OffsetDateTime at) {
        return change(caller, leadId, lead -> lead.invalidated(reason, at, clock.instant()),
                (before, after) -> LeadEvents.invalidated(after, at));
    }

    private Mono<Lead> change(Caller caller, String leadId, UnaryOperator<Lead> command,
            BiFunction<Lead, Lead, OutboxEvent> event) {
        return queries.get(caller, leadId)
                .flatMap(before -> {
                    if (!caller.canWriteFor(before.dealerId())) {
                        return Mono.error(ApiProblem.forbidden("this key may not change leads of dealer "
                                + before.dealerId()));
                    }
                    Lead after = command.apply(before);
                    if (after == before) {
                        return Mono.just(before);
                    }
                    return leads.update(after, before.version(), List.of(event.apply(before, after)))
                            .flatMap(written -> written ? Mono.just(after) : Mono.error(new ConcurrentChange(leadId)));
                })
                .retryWhen(Retry.max(ATTEMPTS - 1).filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> ApiProblem.conflict(
                                "lead " + leadId + " is being changed concurrently; retry")))
                .onErrorMap(IllegalTransition.class, LeadStatusConflict::new)
                .onErrorMap(InvalidCommand.class, e -> Admission.invalid(e.violations()));
    }
}
