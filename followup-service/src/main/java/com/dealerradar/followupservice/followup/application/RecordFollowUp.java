package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUp;
import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.followup.domain.NewFollowUp;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.dealerradar.platform.time.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes in a follow-up from a dealer system. Idempotent on {@code (dealerId, externalRef)}.
 * <p>
 * followup-service learns of leads from radar.leads, so a follow-up posted right after its lead may
 * come before the lead's capture event. It then waits a moment for the event; if the lead is still
 * unknown, a DEALER's follow-up is accepted as awaiting its lead (202) and settled when the capture
 * arrives (see {@link AwaitingFollowUps}). An ADMIN names no dealer, so without the lead there is
 * nothing to check ownership against: 404.
 */
@Service
public class RecordFollowUp {

    private final FollowUps followUps;
    private final LeadViews leads;
    private final CountFollowUp counter;
    private final AwaitingFollowUps awaiting;
    private final Clock clock;
    private final Duration unknownLeadWait;

    public RecordFollowUp(FollowUps followUps, LeadViews leads, CountFollowUp counter, AwaitingFollowUps awaiting,
            Clock clock, @Value("${radar.followup.unknown-lead-wait:3s}") Duration unknownLeadWait) {
        this.followUps = followUps;
        this.leads = leads;
        this.counter = counter;
        this.awaiting = awaiting;
        this.clock = clock;
        this.unknownLeadWait = unknownLeadWait;
    }

    public enum Result { CREATED, EXISTING, AWAITING_LEAD }

    /** What became of a post: the follow-up, and whether this call created it. */
    public record Outcome(FollowUp followUp, Result result) {}

    public Mono<Outcome> record(Caller caller, NewFollowUp request) {
        List<Violation> violations = request.violations(clock.instant());
        if (!violations.isEmpty()) {
            return Mono.error(invalid(violations));
        }
        if (caller.role() != Role.DEALER && caller.role() != Role.ADMIN) {
            return Mono.error(ApiProblem.forbidden("only a dealer's own key or an admin records follow-ups"));
        }
        return Eventually.found(leads.find(request.leadId()), unknownLeadWait)
                .flatMap(lead -> forKnownLead(caller, request, lead))
                .switchIfEmpty(Mono.defer(() -> forUnknownLead(caller, request)));
    }

    private Mono<Outcome> forKnownLead(Caller caller, NewFollowUp request, TrackedLead lead) {
        if (!caller.canWriteFor(lead.dealerId())) {
            return Mono.error(notFound(request));
        }
        return existing(lead.dealerId(), request)
                .switchIfEmpty(Mono.defer(() -> create(request, lead)));
    }

    private Mono<Outcome> create(NewFollowUp request, TrackedLead lead) {
        if (lead.status().isFinal()) {
            return Mono.error(ApiProblem.conflict("lead " + lead.leadId() + " is " + lead.status()
                    + " and takes no more follow-ups"));
        }
        List<Violation> violations = request.violations(clock.instant(), lead.capturedAt());
        if (!violations.isEmpty()) {
            return Mono.error(invalid(violations));
        }
        FollowUp followUp = FollowUp.of(UUID.randomUUID().toString(), lead.dealerId(), request,
                FollowUpState.RECORDING, clock.instant());
        return followUps.insert(followUp)
                .flatMap(inserted -> inserted
                        ? counter.complete(followUp).map(recorded -> new Outcome(recorded, Result.CREATED))
                        : existing(lead.dealerId(), request));
    }

    private Mono<Outcome> forUnknownLead(Caller caller, NewFollowUp request) {
        if (caller.role() != Role.DEALER) {
            return Mono.error(notFound(request));
        }
        FollowUp followUp = FollowUp.of(UUID.randomUUID().toString(), caller.dealerId(), request,
                FollowUpState.AWAITING_LEAD, clock.instant());
        return existing(caller.dealerId(), request)
                .switchIfEmpty(Mono.defer(() -> followUps.insert(followUp)
                        .flatMap(inserted -> inserted ? awaitingLead(followUp, request)
                                : existing(caller.dealerId(), request))));
    }

    // The capture may have arrived while we were storing (and dropped our marker before the
    // follow-up existed): mark again and settle now rather than never.
    private Mono<Outcome> awaitingLead(FollowUp stored, NewFollowUp request) {
        return followUps.markUnfinished(stored).then(awaiting.settle(stored.leadId()))
                .then(followUps.find(stored.followUpId()))
                .flatMap(settled -> switch (settled.state()) {
                    case REJECTED -> Mono.<Outcome>error(notFound(request));
                    case AWAITING_LEAD -> Mono.just(new Outcome(settled, Result.AWAITING_LEAD));
                    case RECORDING, RECORDED -> Mono.just(new Outcome(settled, Result.CREATED));
                });
    }

    /**
     * The follow-up stored under the same {@code externalRef}: a retry with the same content gets it
     * back (and finishes counting it, should the first attempt have stopped halfway); different content is a conflict.
     */
    private Mono<Outcome> existing(String dealerId, NewFollowUp request) {
        return followUps.findByExternalRef(dealerId, request.externalRef())
                .flatMap(found -> {
                    if (!found.fingerprint().equals(request.fingerprint())) {
                        return Mono.error(ApiProblem.conflict("externalRef " + request.externalRef()
                                + " was already used for a different follow-up (" + found.followUpId() + ")"));
                    }
                    return switch (found.state()) {
                        case RECORDING -> counter.complete(found).map(recorded -> new Outcome(recorded, Result.EXISTING));
                        case AWAITING_LEAD -> followUps.markUnfinished(found).then(awaiting.settle(found.leadId()))
                                .then(followUps.find(found.followUpId()))
                                .map(settled -> new Outcome(settled, Result.EXISTING));
                        case RECORDED -> Mono.just(new Outcome(found, Result.EXISTING));
                        // Posted for a lead that turned out to be another dealer's: as unknown as any such lead.
                        case REJECTED -> Mono.error(notFound(request));
                    };
                });
    }

    private static ApiProblem notFound(NewFollowUp request) {
        return ApiProblem.notFound("lead " + request.leadId());
    }

    private static ApiProblem invalid(List<Violation> violations) {
        return ApiProblem.invalid(violations);
    }
}
