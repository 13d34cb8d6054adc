package com.dealerradar.analytics.support;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.defeat.DefeatCallbackRecorded;
import com.dealerradar.events.defeat.DefeatConfirmed;
import com.dealerradar.events.defeat.DefeatReported;
import com.dealerradar.events.defeat.DefeatReversed;
import com.dealerradar.events.defeat.Ratings;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.events.followup.FollowUpRecorded;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadContactRetained;
import com.dealerradar.events.lead.LeadInvalidated;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.events.lead.LeadWon;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the events the write side publishes, as the write side would: each lead event carries the
 * lead's next sequence, each defeat event its defeat's. One instance per data set.
 */
public final class Events {

    private final Map<String, Long> leadVersions = new HashMap<>();
    private final Map<String, Long> defeatVersions = new HashMap<>();
    private final Map<String, String> dealerOf = new HashMap<>();
    private final Map<String, String> regionOf = new HashMap<>();

    public record Lead(String leadId, String dealerId, String region, OffsetDateTime at, String channel, String grade,
            boolean kept, String model, String consultant, String kind, String industry, String organization) {

        public static Lead of(String leadId, String dealerId, String region, OffsetDateTime at) {
            return new Lead(leadId, dealerId, region, at, "SHOWROOM", "A", true, "CS75 PLUS", "wang.li", "INDIVIDUAL",
                    null, null);
        }

        public Lead channel(String value) {
            return new Lead(leadId, dealerId, region, at, value, grade, kept, model, consultant, kind, industry, organization);
        }

        public Lead kept(boolean value) {
            return new Lead(leadId, dealerId, region, at, channel, grade, value, model, consultant, kind, industry, organization);
        }

        public Lead consultant(String value) {
            return new Lead(leadId, dealerId, region, at, channel, grade, kept, model, value, kind, industry, organization);
        }

        public Lead organization(String industryValue, String name) {
            return new Lead(leadId, dealerId, region, at, channel, grade, kept, model, consultant, "ORGANIZATION",
                    industryValue, name);
        }
    }

    public static EventEnvelope dealer(String dealerId, String region) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/directory", EventTypes.DEALER_REGISTERED, dealerId,
                OffsetDateTime.parse("2026-01-01T00:00:00+08:00"), dealerId, region, 1,
                EventJson.write(new DealerRegistered(dealerId, dealerId + " Motors", region, "Changan")));
    }

    public EventEnvelope captured(Lead lead) {
        dealerOf.put(lead.leadId(), lead.dealerId());
        regionOf.put(lead.leadId(), lead.region());
        LeadCaptured payload = new LeadCaptured(lead.leadId(), lead.dealerId(), lead.region(), "crm-" + lead.leadId(),
                lead.at(), lead.channel(), lead.grade(), lead.kept(), lead.model(), lead.consultant(),
                new LeadCaptured.Customer(lead.kind(), lead.industry(), lead.organization(), null), null);
        return leadEvent(lead.leadId(), EventTypes.LEAD_CAPTURED, lead.at(), payload);
    }

    public EventEnvelope contactRetained(String leadId, OffsetDateTime at) {
        return leadEvent(leadId, EventTypes.LEAD_CONTACT_RETAINED, at,
                new LeadContactRetained(leadId, dealerOf.get(leadId), regionOf.get(leadId), at));
    }

    public EventEnvelope won(String leadId, OffsetDateTime at) {
        return leadEvent(leadId, EventTypes.LEAD_WON, at,
                new LeadWon(leadId, dealerOf.get(leadId), regionOf.get(leadId), at, "CS75 PLUS", null));
    }

    public EventEnvelope invalidated(String leadId, OffsetDateTime at) {
        return leadEvent(leadId, EventTypes.LEAD_INVALIDATED, at,
                new LeadInvalidated(leadId, dealerOf.get(leadId), regionOf.get(leadId), "WRONG_CONTACT", at));
    }

    public EventEnvelope statusChanged(String leadId, String status, String previous, OffsetDateTime at) {
        return leadEvent(leadId, EventTypes.LEAD_STATUS_CHANGED, at,
                new LeadStatusChanged(leadId, dealerOf.get(leadId), regionOf.get(leadId), status, previous, "d-" + leadId, at));
    }

    /** A follow-up; {@code dealerId}/{@code region} are given because it may come before the capture. */
    public EventEnvelope followUp(String leadId, String dealerId, String region, boolean reached,
            OffsetDateTime at, Long firstResponseMinutes) {
        FollowUpRecorded payload = new FollowUpRecorded("fu-" + UUID.randomUUID(), leadId, dealerId, region, "CALL",
                reached ? "REACHED" : "NOT_REACHED", reached, at, "wang.li", firstResponseMinutes);
        return new EventEnvelope(UUID.randomUUID().toString(), "/followup-service", EventTypes.FOLLOWUP_RECORDED,
                payload.followUpId(), at, dealerId, region, 1, EventJson.write(payload));
    }

    public EventEnvelope reported(String leadId, String kind, String subtype, List<String> reasons, String competitor,
            String sameGroupDealerId, OffsetDateTime at, OffsetDateTime callbackDueAt) {
        String defeatId = defeatOf(leadId);
        return defeatEvent(defeatId, EventTypes.DEFEAT_REPORTED, at, new DefeatReported(defeatId, leadId,
                dealerOf.get(leadId), regionOf.get(leadId), kind, subtype, reasons, competitor, null, sameGroupDealerId,
                at, callbackDueAt));
    }

    public EventEnvelope callback(String leadId, String outcome, int attempt, List<String> actualReasons,
            String boughtBrand, Ratings ratings, OffsetDateTime at) {
        String defeatId = defeatOf(leadId);
        return defeatEvent(defeatId, EventTypes.DEFEAT_CALLBACK_RECORDED, at, new DefeatCallbackRecorded(defeatId,
                leadId, dealerOf.get(leadId), regionOf.get(leadId), outcome, attempt, actualReasons, boughtBrand, null,
                ratings, at));
    }

    public EventEnvelope confirmed(String leadId, String kind, String subtype, String sameGroupDealerId,
            OffsetDateTime at) {
        String defeatId = defeatOf(leadId);
        return defeatEvent(defeatId, EventTypes.DEFEAT_CONFIRMED, at, new DefeatConfirmed(defeatId, leadId,
                dealerOf.get(leadId), regionOf.get(leadId), kind, subtype, List.of(), sameGroupDealerId, at));
    }

    public EventEnvelope reversed(String leadId, OffsetDateTime at) {
        String defeatId = defeatOf(leadId);
        return defeatEvent(defeatId, EventTypes.DEFEAT_REVERSED, at,
                new DefeatReversed(defeatId, leadId, dealerOf.get(leadId), regionOf.get(leadId), at));
    }

    private static String defeatOf(String leadId) {
        return "d-" + leadId;
    }

    private EventEnvelope leadEvent(String leadId, String type, OffsetDateTime at, Object payload) {
        long sequence = leadVersions.merge(leadId, 1L, Long::sum);
        return new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", type, leadId, at,
                dealerOf.get(leadId), regionOf.get(leadId), sequence, EventJson.write(payload));
    }

    private EventEnvelope defeatEvent(String defeatId, String type, OffsetDateTime at, Object payload) {
        long sequence = defeatVersions.merge(defeatId, 1L, Long::sum);
        String leadId = defeatId.substring(2);
        return new EventEnvelope(UUID.randomUUID().toString(), "/defeat-service", type, defeatId, at,
                dealerOf.get(leadId), regionOf.get(leadId), sequence, EventJson.write(payload));
    }
}
