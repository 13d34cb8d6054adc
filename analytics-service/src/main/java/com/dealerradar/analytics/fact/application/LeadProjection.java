package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.CohortDay;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.defeat.DefeatCallbackRecorded;
import com.dealerradar.events.defeat.DefeatConfirmed;
import com.dealerradar.events.defeat.DefeatReported;
import com.dealerradar.events.defeat.DefeatReversed;
import com.dealerradar.events.defeat.Ratings;
import com.dealerradar.events.followup.FollowUpRecorded;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadContactRetained;
import com.dealerradar.events.lead.LeadGraded;
import com.dealerradar.events.lead.LeadInvalidated;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.events.lead.LeadWon;
import com.dealerradar.platform.directory.DealerDirectory;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Turns the events of radar.leads, radar.followups and radar.defeats into lead facts. Each field of a
 * fact is owned by one topic, whose events for a lead arrive in order; so however the topics
 * interleave, the fact ends the same. Lead fields are guarded by the lead's sequence, defeat fields
 * by the defeat's ({@link com.dealerradar.analytics.fact.domain.DefeatProgress}); follow-ups only set
 * flags and minimums. A capture files the model under its brand's catalogue entry ({@code modelKey}).
 * Completes with the lead and its group, whose cells are now out of date, or empty when the fact
 * has no group yet (its capture has not arrived) or the event does not concern the read model
 * (overdue and at-risk candidate notices change no count of the dashboards).
 */
public class LeadProjection {

    private final Facts facts;
    private final DealerDirectory directory;
    private final ModelCatalogue models;
    private final ZoneId groupZone;

    public LeadProjection(Facts facts, DealerDirectory directory, ModelCatalogue models, ZoneId groupZone) {
        this.facts = facts;
        this.directory = directory;
        this.models = models;
        this.groupZone = groupZone;
    }

    /** The lead an event changed and the group (dealer, day, dimensions) it counts in. */
    public record Applied(String leadId, GroupKey group) {}

    public Mono<Applied> apply(EventEnvelope event) {
        return switch (event.type()) {
            case EventTypes.LEAD_CAPTURED -> captured(event, read(event, LeadCaptured.class));
            case EventTypes.LEAD_GRADED -> graded(event, read(event, LeadGraded.class));
            case EventTypes.LEAD_CONTACT_RETAINED -> leadChange(event, read(event, LeadContactRetained.class).leadId(),
                    Map.of("kept", true));
            case EventTypes.LEAD_WON -> won(event, read(event, LeadWon.class));
            case EventTypes.LEAD_INVALIDATED -> invalidated(event, read(event, LeadInvalidated.class));
            case EventTypes.LEAD_STATUS_CHANGED -> statusChanged(event, read(event, LeadStatusChanged.class));
            case EventTypes.FOLLOWUP_RECORDED -> followUp(event, read(event, FollowUpRecorded.class));
            case EventTypes.DEFEAT_REPORTED -> reported(event, read(event, DefeatReported.class));
            case EventTypes.DEFEAT_CALLBACK_RECORDED -> callback(event, read(event, DefeatCallbackRecorded.class));
            case EventTypes.DEFEAT_CONFIRMED -> confirmed(event, read(event, DefeatConfirmed.class));
            case EventTypes.DEFEAT_REVERSED -> reversed(event, read(event, DefeatReversed.class));
            default -> Mono.empty();
        };
    }

    private Mono<Applied> captured(EventEnvelope event, LeadCaptured lead) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("dealerId", lead.dealerId());
        fact.put("region", lead.region());
        fact.put("channel", lead.channel());
        LeadCaptured.Customer customer = lead.customer();
        fact.put("industry", customer == null ? null : customer.industry());
        fact.put("organization", customer == null ? null : customer.organization());
        fact.put("customerKind", customer == null ? null : customer.kind());
        fact.put("model", lead.model());
        fact.put("consultant", lead.consultant());
        fact.put("grade", lead.grade());
        fact.put("captureGrade", lead.grade());
        fact.put("kept", lead.contactRetained());
        fact.put("vehicles", lead.vehicles() == null ? 1 : lead.vehicles());
        fact.put("day", CohortDay.of(lead.occurredAt(), groupZone));
        fact.put("capturedAt", date(lead.occurredAt()));
        fact.put("status", "OPEN");
        return directory.brandOf(lead.dealerId())
                .flatMap(brand -> models.entryOf(brand, lead.model()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(entry -> {
                    fact.put("modelKey", entry.orElse(null));
                    return applied(lead.leadId(), facts.applyLeadEvent(lead.leadId(), event.sequence(), fact));
                });
    }

    private Mono<Applied> won(EventEnvelope event, LeadWon won) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("status", "WON");
        fact.put("wonAt", date(won.occurredAt()));
        fact.put("wonModel", won.model());
        fact.put("wonVehicles", won.vehicles() == null ? 1 : won.vehicles());
        fact.put("wonMonth", String.format("%02d", won.occurredAt().atZoneSameInstant(groupZone).getMonthValue()));
        return directory.brandOf(won.dealerId())
                .flatMap(brand -> models.entryOf(brand, won.model()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(entry -> {
                    fact.put("wonModelKey", entry.orElse(null));
                    return applied(won.leadId(), facts.applyLeadEvent(won.leadId(), event.sequence(), fact));
                });
    }

    private Mono<Applied> invalidated(EventEnvelope event, LeadInvalidated invalid) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("status", "INVALID");
        fact.put("invalidReason", invalid.reason());
        return applied(invalid.leadId(), facts.applyLeadEvent(invalid.leadId(), event.sequence(), fact));
    }

    private Mono<Applied> graded(EventEnvelope event, LeadGraded graded) {
        return leadChange(event, graded.leadId(), Map.of("grade", graded.grade()));
    }

    /** Only a confirmed defeat (AT_RISK, DEFEATED) or a reversed one (OPEN) changes the status this way. */
    private Mono<Applied> statusChanged(EventEnvelope event, LeadStatusChanged changed) {
        return leadChange(event, changed.leadId(), Map.of("status", changed.status()));
    }

    private Mono<Applied> leadChange(EventEnvelope event, String leadId, Map<String, Object> sets) {
        return applied(leadId, facts.applyLeadEvent(leadId, event.sequence(), sets));
    }

    private Mono<Applied> followUp(EventEnvelope event, FollowUpRecorded followUp) {
        Map<String, Object> sets = new LinkedHashMap<>(ids(followUp.dealerId(), followUp.region()));
        Map<String, Object> minimums = new LinkedHashMap<>();
        if (followUp.reached()) {
            sets.put("reached", true);
            minimums.put("firstReachedAt", date(followUp.occurredAt()));
            if (followUp.firstResponseMinutes() != null) {
                minimums.put("firstResponseMinutes", followUp.firstResponseMinutes());
            }
        }
        return applied(followUp.leadId(), facts.applyFollowUp(followUp.leadId(), sets, minimums));
    }

    private Mono<Applied> reported(EventEnvelope event, DefeatReported defeat) {
        Map<String, Object> sets = new LinkedHashMap<>(ids(defeat.dealerId(), defeat.region()));
        sets.put("defeatId", defeat.defeatId());
        sets.put("defeatState", "PENDING_CALLBACK");
        sets.put("defeatKind", defeat.kind());
        sets.put("defeatSubtype", defeat.subtype());
        sets.put("defeatReasons", defeat.reasons());
        sets.put("competitorBrand", defeat.competitorBrand());
        sets.put("competitorModel", defeat.competitorModel());
        sets.put("sameGroupDealerId", defeat.sameGroupDealerId());
        sets.put("callbackDueAt", date(defeat.callbackDueAt()));
        sets.put("callbackAttempts", 0);
        sets.put("actualReasons", null);
        sets.put("boughtBrand", null);
        sets.put("boughtModel", null);
        sets.put("ratings", null);
        return defeatEvent(event, defeat.defeatId(), defeat.leadId(), sets, Map.of("defeatsReported", 1));
    }

    private Mono<Applied> callback(EventEnvelope event, DefeatCallbackRecorded callback) {
        Map<String, Object> sets = new LinkedHashMap<>(ids(callback.dealerId(), callback.region()));
        sets.put("callbackAttempts", callback.attempt());
        sets.put("lastCallbackOutcome", callback.outcome());
        if (callback.actualReasons() != null && !callback.actualReasons().isEmpty()) {
            sets.put("actualReasons", callback.actualReasons());
        }
        if (callback.boughtBrand() != null) {
            sets.put("boughtBrand", callback.boughtBrand());
        }
        if (callback.boughtModel() != null) {
            sets.put("boughtModel", callback.boughtModel());
        }
        Map<String, Integer> ratings = ratings(callback.ratings());
        if (!ratings.isEmpty()) {
            sets.put("ratings", ratings);
        }
        return defeatEvent(event, callback.defeatId(), callback.leadId(), sets, Map.of());
    }

    private Mono<Applied> confirmed(EventEnvelope event, DefeatConfirmed defeat) {
        Map<String, Object> sets = new LinkedHashMap<>(ids(defeat.dealerId(), defeat.region()));
        sets.put("defeatState", "CONFIRMED");
        sets.put("defeatKind", defeat.kind());
        sets.put("defeatSubtype", defeat.subtype());
        if (defeat.sameGroupDealerId() != null) {
            sets.put("sameGroupDealerId", defeat.sameGroupDealerId());
        }
        return defeatEvent(event, defeat.defeatId(), defeat.leadId(), sets, Map.of("defeatsConfirmed", 1));
    }

    private Mono<Applied> reversed(EventEnvelope event, DefeatReversed defeat) {
        Map<String, Object> sets = new LinkedHashMap<>(ids(defeat.dealerId(), defeat.region()));
        sets.put("defeatState", "REVERSED");
        return defeatEvent(event, defeat.defeatId(), defeat.leadId(), sets, Map.of("defeatsReversed", 1));
    }

    private Mono<Applied> defeatEvent(EventEnvelope event, String defeatId, String leadId, Map<String, Object> sets,
            Map<String, Number> increments) {
        return applied(leadId,
                facts.applyDefeatEvent(leadId, defeatId, event.sequence(), event.time().toInstant(), sets, increments));
    }

    private static Mono<Applied> applied(String leadId, Mono<GroupKey> group) {
        return group.map(g -> new Applied(leadId, g));
    }

    /** Follow-up and defeat events carry these too; the capture sets the same values. */
    private static Map<String, Object> ids(String dealerId, String region) {
        Map<String, Object> ids = new LinkedHashMap<>();
        if (dealerId != null) {
            ids.put("dealerId", dealerId);
        }
        if (region != null) {
            ids.put("region", region);
        }
        return ids;
    }

    private static Map<String, Integer> ratings(Ratings ratings) {
        Map<String, Integer> rated = new LinkedHashMap<>();
        if (ratings == null) {
            return rated;
        }
        putIfRated(rated, "reception", ratings.reception());
        putIfRated(rated, "needsAnalysis", ratings.needsAnalysis());
        putIfRated(rated, "presentation", ratings.presentation());
        putIfRated(rated, "testDrive", ratings.testDrive());
        putIfRated(rated, "negotiation", ratings.negotiation());
        putIfRated(rated, "followUp", ratings.followUp());
        return rated;
    }

    private static void putIfRated(Map<String, Integer> rated, String step, Integer rating) {
        if (rating != null) {
            rated.put(step, rating);
        }
    }

    private static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    private static <T> T read(EventEnvelope event, Class<T> type) {
        return EventJson.read(event.data(), type);
    }
}
