package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.application.LeadFeedMark;
import com.dealerradar.defeatservice.leadview.application.LeadFeedProgress;
import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.time.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes in a consultant's report of a lost sale. Idempotent on {@code (dealerId, externalRef)}; a
 * lead has at most one unsettled defeat, and none once it is won or invalid.
 * <p>
 * defeat-service learns of leads from radar.leads, so a report posted right after its lead may come
 * before the lead's capture event: it waits a moment ({@code radar.defeat.unknown-lead-wait}) for the
 * lead, as followup-service does for follow-ups. A lead still unknown after that is 404 only if this
 * service has read every lead event published by the end of that wait; otherwise (the events are held
 * up, or the broker does not say) the lead may well exist, and the answer is 503: send it again.
 */
@Service
public class ReportDefeat {

    private static final Logger log = LoggerFactory.getLogger(ReportDefeat.class);

    /** As the gateway advises when a service is away: long enough for a held-up consumer to move on. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final KnownLeads leads;
    private final LeadFeedProgress feed;
    private final Defeats defeats;
    private final DefeatOpening opening;
    private final DefeatProperties properties;
    private final Clock clock;

    public ReportDefeat(KnownLeads leads, LeadFeedProgress feed, Defeats defeats, DefeatOpening opening,
            DefeatProperties properties, Clock clock) {
        this.leads = leads;
        this.feed = feed;
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
                .switchIfEmpty(Mono.defer(() -> ifProvablyAbsent(request.leadId())))
                // A lead outside the key's scope is "not found", so that lead ids cannot be probed.
                .filter(lead -> caller.canRead(lead.dealerId(), lead.region()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("lead " + request.leadId())))
                .flatMap(lead -> caller.canWriteFor(lead.dealerId())
                        ? existing(lead.dealerId(), request).switchIfEmpty(Mono.defer(() -> create(lead, request)))
                        : Mono.error(ApiProblem.forbidden("this key may not report defeats for dealer " + lead.dealerId())));
    }

    /**
     * After the wait, a lead still unknown: empty when it provably does not exist, a 503 when that
     * cannot be told. The mark is taken now, when the wait is over, so that it also covers the captures
     * lead-service published meanwhile: after a broker outage, lead-service publishes the captures it
     * took during the outage from its outbox within seconds, and a report on one of them must not be
     * answered 404 because the mark was taken before that capture reached the topic.
     */
    private Mono<KnownLead> ifProvablyAbsent(String leadId) {
        return feed.markNow(leadId)
                .flatMap(feed::hasReadUpTo)
                .onErrorResume(e -> {
                    log.warn("cannot tell whether lead {} exists: the lead events' offsets did not come ({})",
                            leadId, e.toString());
                    return Mono.just(false);
                })
                // Read up to the mark, the view is complete for this lead: asked once more, it is the truth.
                .flatMap(readAll -> readAll ? leads.find(leadId) : Mono.error(notKnownYet(leadId)));
    }

    private static ApiProblem notKnownYet(String leadId) {
        return ApiProblem.unavailable("lead-not-known-yet", "lead " + leadId + " is not known here yet: its"
                + " events may still be on their way; send the report again with the same externalRef", RETRY_AFTER);
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
                            .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("lead " + lead.leadId()
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
