package com.dealerradar.defeatservice.defeat.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.defeatservice.defeat.domain.CallbackOutcome;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.NewCallback;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.defeat.domain.Reason;
import com.dealerradar.defeatservice.defeat.domain.StepRatings;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.Topics;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.testkit.EventSchemas;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON that defeat-service's own event-building code writes validates against the published schemas. */
class DefeatEventsContractTest {

    private static final OffsetDateTime LOST_AT = OffsetDateTime.parse("2026-11-20T18:00:00+08:00");
    private static final OffsetDateTime CALLED_AT = OffsetDateTime.parse("2026-11-21T10:00:00+08:00");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    static Defeat reported(DefeatSubtype subtype, String sameGroupDealer) {
        return Defeat.report("DF-1", "D-CF-01", "Chifeng", new NewDefeat("L-1", "lost-771", LOST_AT, subtype.kind(),
                subtype, List.of(Reason.PRICE, Reason.COMPETITOR_OFFER), "Geely", "Monjaro", sameGroupDealer, "note",
                "wang.li"), Duration.ofHours(48), NOW);
    }

    static NewCallback callback(CallbackOutcome outcome, StepRatings ratings) {
        return new NewCallback(CALLED_AT, outcome, null, null, null, List.of(Reason.SALES_EXPERIENCE), "Geely",
                "Monjaro", ratings, "verbatim", "manager.zhao");
    }

    static Stream<OutboxEvent> everyEventDefeatServicePublishes() {
        List<OutboxEvent> events = new ArrayList<>();
        for (DefeatSubtype subtype : DefeatSubtype.values()) {
            Defeat defeat = reported(subtype,
                    subtype == DefeatSubtype.BOUGHT_SAME_BRAND_ELSEWHERE ? "D-BT-01" : null);
            events.add(DefeatEvents.reported(defeat));
            events.addAll(DefeatEvents.afterCallback(defeat.recordCallback(
                    callback(CallbackOutcome.CONFIRMED, new StepRatings(4, 2, 3, 5, 2, 1)), NOW)));
        }
        Defeat pending = reported(DefeatSubtype.BOUGHT_COMPETITOR, null);
        events.addAll(DefeatEvents.afterCallback(pending.recordCallback(
                callback(CallbackOutcome.FALSE_DEFEAT, StepRatings.none()), NOW)));
        Defeat once = pending.recordCallback(callback(CallbackOutcome.UNREACHABLE, null), NOW);
        Defeat twice = once.recordCallback(callback(CallbackOutcome.UNREACHABLE, null), NOW);
        events.addAll(DefeatEvents.afterCallback(once));
        events.addAll(DefeatEvents.afterCallback(twice.recordCallback(callback(CallbackOutcome.UNREACHABLE, null), NOW)));
        Defeat atRisk = Defeat.atRiskCandidate("DF-2", "L-2", "D-CF-01", "Chifeng", LOST_AT, "WINDOW_PASSED",
                Duration.ofHours(48), NOW);
        events.add(DefeatEvents.reported(atRisk));
        return events.stream();
    }

    @ParameterizedTest
    @MethodSource("everyEventDefeatServicePublishes")
    void publishedJsonMatchesItsSchema(OutboxEvent event) {
        assertThat(event.topic()).isEqualTo(Topics.DEFEATS);
        assertThat(EventSchemas.violations(event.type(), event.data())).as(event.data()).isEmpty();
    }

    @Test
    void everyDefeatEventTypeIsCovered() {
        assertThat(everyEventDefeatServicePublishes().map(OutboxEvent::type).distinct()).containsExactlyInAnyOrder(
                EventTypes.DEFEAT_REPORTED, EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CONFIRMED,
                EventTypes.DEFEAT_REVERSED);
    }

    @Test
    void aSettlingCallbackIsTwoEventsInVersionOrderKeyedByTheLead() {
        Defeat pending = reported(DefeatSubtype.BOUGHT_COMPETITOR, null);
        List<OutboxEvent> events = DefeatEvents.afterCallback(
                pending.recordCallback(callback(CallbackOutcome.CONFIRMED, null), NOW));
        assertThat(events).extracting(OutboxEvent::type)
                .containsExactly(EventTypes.DEFEAT_CALLBACK_RECORDED, EventTypes.DEFEAT_CONFIRMED);
        assertThat(events).extracting(OutboxEvent::sequence).containsExactly(2L, 3L);
        assertThat(events).extracting(OutboxEvent::key).containsOnly("L-1");
        assertThat(events).extracting(OutboxEvent::subject).containsOnly("DF-1");
    }

    @Test
    void theSchemasRefuseWhatTheDomainRefuses() {
        String mismatched = DefeatEvents.reported(reported(DefeatSubtype.BOUGHT_COMPETITOR, null)).data()
                .replace("\"kind\":\"DEFEATED\"", "\"kind\":\"AT_RISK\"");
        assertThat(EventSchemas.violations(EventTypes.DEFEAT_REPORTED, mismatched)).isNotEmpty();
        String badRating = DefeatEvents.afterCallback(reported(DefeatSubtype.LOST_CONTACT, null)
                .recordCallback(callback(CallbackOutcome.UNREACHABLE, new StepRatings(5, null, null, null, null, null)),
                        NOW)).get(0).data().replace("\"reception\":5", "\"reception\":6");
        assertThat(EventSchemas.violations(EventTypes.DEFEAT_CALLBACK_RECORDED, badRating)).isNotEmpty();
    }
}
