package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.DefeatServiceApplication;
import com.dealerradar.defeatservice.defeat.domain.Callback;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import com.dealerradar.defeatservice.defeat.domain.StepRatings;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.events.defeat.DefeatCallbackRecorded;
import com.dealerradar.events.defeat.DefeatConfirmed;
import com.dealerradar.events.defeat.DefeatReported;
import com.dealerradar.events.defeat.DefeatReversed;
import com.dealerradar.events.defeat.Ratings;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of radar.defeats, built from the defeat as it stands after the change. Keyed by the
 * lead id so that they keep their order with the lead's other events; each is one version step.
 */
public final class DefeatEvents {

    private DefeatEvents() {}

    public static OutboxEvent reported(Defeat d) {
        DefeatReported payload = new DefeatReported(d.defeatId(), d.leadId(), d.dealerId(), d.region(), d.kind().name(),
                d.subtype().name(), names(d.reasons()), d.competitorBrand(), d.competitorModel(),
                d.sameGroupDealerId(), d.occurredAt(), d.callbackDueAt());
        return event(d, EventTypes.DEFEAT_REPORTED, d.occurredAt(), d.version(), payload);
    }

    /** The callback just recorded on {@code after}, and its settlement when it settled the defeat. */
    public static List<OutboxEvent> afterCallback(Defeat after) {
        Callback c = after.callbacks().get(after.callbacks().size() - 1);
        boolean settled = after.state().settled();
        List<OutboxEvent> events = new ArrayList<>();
        events.add(event(after, EventTypes.DEFEAT_CALLBACK_RECORDED, c.occurredAt(),
                settled ? after.version() - 1 : after.version(), callbackRecorded(after, c)));
        if (after.state() == DefeatState.CONFIRMED) {
            events.add(event(after, EventTypes.DEFEAT_CONFIRMED, c.occurredAt(), after.version(),
                    new DefeatConfirmed(after.defeatId(), after.leadId(), after.dealerId(), after.region(),
                            after.kind().name(), after.subtype().name(), names(after.reasons()),
                            after.sameGroupDealerId(), c.occurredAt())));
        } else if (after.state() == DefeatState.REVERSED) {
            events.add(event(after, EventTypes.DEFEAT_REVERSED, c.occurredAt(), after.version(),
                    new DefeatReversed(after.defeatId(), after.leadId(), after.dealerId(), after.region(),
                            c.occurredAt())));
        }
        return events;
    }

    private static DefeatCallbackRecorded callbackRecorded(Defeat d, Callback c) {
        StepRatings r = c.ratings();
        return new DefeatCallbackRecorded(d.defeatId(), d.leadId(), d.dealerId(), d.region(), c.outcome().name(),
                c.attempt(), names(c.actualReasons()), c.boughtBrand(), c.boughtModel(),
                new Ratings(r.reception(), r.needsAnalysis(), r.presentation(), r.testDrive(), r.negotiation(),
                        r.followUp()),
                c.occurredAt());
    }

    private static OutboxEvent event(Defeat d, String type, OffsetDateTime time, long sequence, Object payload) {
        return OutboxEvent.of(Topics.DEFEATS, d.leadId(), DefeatServiceApplication.SOURCE, type, d.defeatId(), time,
                d.dealerId(), d.region(), sequence, payload);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
