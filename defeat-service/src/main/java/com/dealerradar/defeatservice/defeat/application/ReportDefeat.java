package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.time.Eventually;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes in a consultant's report of a lost sale. Idempotent on {@code (dealerId, externalRef)}; a
 * lead has at most one unsettled defeat, and none once it is won or invalid.
 * <p>
 * defeat-service learns of leads from radar.leads, so a report posted right after its lead may come
 * before the lead's capture event: it waits a moment ({@code radar.defeat.unknown-lead-wait}) for the
 * lead before answering 404, as followup-service does for follow-ups.
 */
@Service
public class ReportDefeat {

    private final KnownLeads leads;
    private final Defeats defeats;
    private final DefeatOpening opening;
    private final DefeatProperties properties;
    private final Clock clock;

    public ReportDefeat(KnownLeads leads, Defeats defeats, DefeatOpening opening, DefeatProperties properties,
            Clock clock) {
        this.leads = leads;
        this.defeats = defeats;
        this.opening = opening;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of a report: the defeat, and whether this call created it. */
    public record Outcome(Defeat defeat, boolean created) {}

    public Mono<Outcome> report(Caller caller, NewDefeat request) {
        List<Violation> violations = request.violations(clock.instant());
        if (!violations.isEmpty()) {
            return Mono.error(ApiProblem.invalid(violations));
        }
        return Eventually.found(leads.find(request.leadId()), properties.unknownLeadWait())
                // A lead outside the key's scope is "not found", so that lead ids cannot be probed.
                .filter(lead -> caller.canRead(lead.dealerId(), lead.region()))
                .switchIfEmpty(Mono.error(ApiProblem.notFound("lead " + request.leadId())))
                .flatMap(lead -> caller.canWriteFor(lead.dealerId())
                        ? existing(lead.dealerId(), request).switchIfEmpty(Mono.defer(() -> create(lead, request)))
                        : Mono.error(ApiProblem.forbidden("this key may not report defeats for dealer " + lead.dealerId())));
    }

    private Mono<Outcome> create(KnownLead lead, NewDefeat request) {
        if (!LeadStatus.acceptingReports().contains(lead.status())) {
            return Mono.error(closed(lead));
        }
        Defeat defeat = Defeat.report(UUID.randomUUID().toString(), lead.dealerId(), lead.region(), request,
                properties.callbackDue(), clock.instant());
        return opening.open(defeat, List.of(DefeatEvents.reported(defeat)), LeadStatus.acceptingReports())
                .flatMap(outcome -> switch (outcome) {
                    case OPENED -> Mono.just(new Outcome(defeat, true));
                    case LEAD_UNKNOWN -> Mono.error(ApiProblem.notFound("lead " + lead.leadId()));
                    case LEAD_CLOSED -> Mono.error(ApiProblem.conflict("lead " + lead.leadId()
                            + " was won or closed meanwhile: no defeat can be reported on it"));
                    // A concurrent identical report may have won the race: that one is the answer.
                    case DEFEAT_OPEN, EXTERNAL_REF_TAKEN -> existing(lead.dealerId(), request)
                            .switchIfEmpty(Mono.error(ApiProblem.conflict("lead " + lead.leadId()
                                    + " already has a defeat waiting for its callback")));
                });
    }

    private Mono<Outcome> existing(String dealerId, NewDefeat request) {
        return defeats.findByExternalRef(dealerId, request.externalRef())
                .flatMap(defeat -> defeat.fingerprint().equals(request.fingerprint())
                        ? Mono.just(new Outcome(defeat, false))
                        : Mono.error(ApiProblem.conflict("externalRef " + request.externalRef()
                                + " was already used for a different defeat (" + defeat.defeatId() + ")")));
    }

    private static ApiProblem closed(KnownLead lead) {
        return ApiProblem.conflict("lead " + lead.leadId() + " is " + lead.status() + ": no defeat can be reported on it");
    }
}
