package com.dealerradar.defeatservice.defeat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The defeat's state machine: every transition from every state, legal and illegal. */
class DefeatTest {

    private static final OffsetDateTime LOST_AT = OffsetDateTime.parse("2026-11-20T18:00:00+08:00");
    private static final OffsetDateTime CALLED_AT = OffsetDateTime.parse("2026-11-21T10:00:00+08:00");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration WITHIN = Duration.ofHours(48);

    static Defeat reported(DefeatKind kind, DefeatSubtype subtype) {
        return Defeat.report("DF-1", "D-CF-01", "Chifeng", report(kind, subtype, "Geely", null), WITHIN, NOW);
    }

    static NewDefeat report(DefeatKind kind, DefeatSubtype subtype, String competitorBrand, String sameGroupDealer) {
        return new NewDefeat("L-1", "lost-771", LOST_AT, kind, subtype, List.of(Reason.PRICE, Reason.COMPETITOR_OFFER),
                competitorBrand, "Monjaro", sameGroupDealer, "note", "wang.li");
    }

    static NewCallback callback(CallbackOutcome outcome) {
        return new NewCallback(CALLED_AT, outcome, null, null, null, List.of(Reason.SALES_EXPERIENCE), "Geely",
                "Monjaro", new StepRatings(4, 2, 3, 5, 2, 1), "verbatim", "manager.zhao");
    }

    static Defeat pending() {
        return reported(DefeatKind.DEFEATED, DefeatSubtype.BOUGHT_COMPETITOR);
    }

    @Nested
    class Reporting {

        @Test
        void aReportStartsPendingItsCallbackWithTheCallbackDueAfterTheLoss() {
            Defeat defeat = pending();
            assertThat(defeat.state()).isEqualTo(DefeatState.PENDING_CALLBACK);
            assertThat(defeat.callbackDueAt()).isEqualTo(LOST_AT.plusHours(48));
            assertThat(defeat.version()).isEqualTo(1);
            assertThat(defeat.attempts()).isZero();
            assertThat(defeat.origin()).isEqualTo(DefeatOrigin.REPORTED);
        }

        @ParameterizedTest
        @EnumSource(DefeatSubtype.class)
        void everySubtypeIsAcceptedWithItsOwnKindOnly(DefeatSubtype subtype) {
            for (DefeatKind kind : DefeatKind.values()) {
                NewDefeat n = report(kind, subtype, "Geely", null);
                boolean subtypeViolated = n.violations(NOW).stream().anyMatch(v -> v.field().equals("subtype"));
                assertThat(subtypeViolated).as("%s / %s", kind, subtype).isEqualTo(subtype.kind() != kind);
            }
        }

        @Test
        void aMismatchedKindAndSubtypeIsRefused() {
            assertThatThrownBy(() -> reported(DefeatKind.AT_RISK, DefeatSubtype.BOUGHT_COMPETITOR))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("subtype"));
        }

        @Test
        void boughtCompetitorNeedsTheCompetitorsBrand() {
            NewDefeat n = report(DefeatKind.DEFEATED, DefeatSubtype.BOUGHT_COMPETITOR, " ", null);
            assertThat(n.violations(NOW)).extracting(Violation::field).containsExactly("competitorBrand");
        }

        @Test
        void theSameGroupDealerOnlyGoesWithSameBrandElsewhere() {
            assertThat(report(DefeatKind.DEFEATED, DefeatSubtype.BOUGHT_SAME_BRAND_ELSEWHERE, null, "D-BT-01")
                    .violations(NOW)).isEmpty();
            assertThat(report(DefeatKind.DEFEATED, DefeatSubtype.BOUGHT_COMPETITOR, "Geely", "D-BT-01")
                    .violations(NOW)).extracting(Violation::field).containsExactly("sameGroupDealerId");
        }

        @Test
        void aLossInTheFutureIsRefused() {
            NewDefeat n = new NewDefeat("L-1", "x", OffsetDateTime.parse("2026-12-30T10:00:00+08:00"),
                    DefeatKind.AT_RISK, DefeatSubtype.GAVE_UP, List.of(), null, null, null, null, null);
            assertThat(n.violations(NOW)).extracting(Violation::field).containsExactly("occurredAt");
        }

        @Test
        void theFingerprintIgnoresTheOrderOfReasonsButNotTheirContent() {
            NewDefeat a = report(DefeatKind.DEFEATED, DefeatSubtype.BOUGHT_COMPETITOR, "Geely", null);
            NewDefeat b = new NewDefeat("L-1", "lost-771", LOST_AT, DefeatKind.DEFEATED,
                    DefeatSubtype.BOUGHT_COMPETITOR, List.of(Reason.COMPETITOR_OFFER, Reason.PRICE), "Geely",
                    "Monjaro", null, "note", "wang.li");
            NewDefeat c = report(DefeatKind.DEFEATED, DefeatSubtype.BOUGHT_COMPETITOR, "BYD", null);
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
        }

        @Test
        void anAtRiskCandidateOpensALongUnconvertedCase() {
            Defeat defeat = Defeat.atRiskCandidate("DF-2", "L-1", "D-CF-01", "Chifeng", LOST_AT, "WINDOW_PASSED",
                    WITHIN, NOW);
            assertThat(defeat.kind()).isEqualTo(DefeatKind.AT_RISK);
            assertThat(defeat.subtype()).isEqualTo(DefeatSubtype.LONG_UNCONVERTED);
            assertThat(defeat.state()).isEqualTo(DefeatState.PENDING_CALLBACK);
            assertThat(defeat.origin()).isEqualTo(DefeatOrigin.AT_RISK_CANDIDATE);
            assertThat(defeat.callbackDueAt()).isEqualTo(LOST_AT.plusHours(48));
        }
    }

    @Nested
    class FromPendingCallback {

        @Test
        void confirmedSettlesAsReported() {
            Defeat after = pending().recordCallback(callback(CallbackOutcome.CONFIRMED), NOW);
            assertThat(after.state()).isEqualTo(DefeatState.CONFIRMED);
            assertThat(after.kind()).isEqualTo(DefeatKind.DEFEATED);
            assertThat(after.subtype()).isEqualTo(DefeatSubtype.BOUGHT_COMPETITOR);
            assertThat(after.reasons()).containsExactly(Reason.PRICE, Reason.COMPETITOR_OFFER);
            assertThat(after.settledAt()).isEqualTo(CALLED_AT);
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.version()).isEqualTo(3);
            assertThat(after.callbacks().get(0).correction()).isNull();
        }

        @Test
        void confirmedMayCorrectKindSubtypeAndReasons() {
            NewCallback corrected = new NewCallback(CALLED_AT, CallbackOutcome.CONFIRMED, DefeatKind.AT_RISK,
                    DefeatSubtype.GAVE_UP, List.of(Reason.BUDGET), List.of(Reason.BUDGET), null, null, null, null, "zhao");
            Defeat after = pending().recordCallback(corrected, NOW);
            assertThat(after.state()).isEqualTo(DefeatState.CONFIRMED);
            assertThat(after.kind()).isEqualTo(DefeatKind.AT_RISK);
            assertThat(after.subtype()).isEqualTo(DefeatSubtype.GAVE_UP);
            assertThat(after.reasons()).containsExactly(Reason.BUDGET);
            assertThat(after.callbacks().get(0).correction())
                    .isEqualTo(new Correction(DefeatKind.AT_RISK, DefeatSubtype.GAVE_UP, List.of(Reason.BUDGET)));
        }

        @Test
        void confirmedMayCorrectTheSubtypeAlone() {
            NewCallback corrected = new NewCallback(CALLED_AT, CallbackOutcome.CONFIRMED, null,
                    DefeatSubtype.LOST_CONTACT, null, List.of(), null, null, null, null, "zhao");
            Defeat after = pending().recordCallback(corrected, NOW);
            assertThat(after.subtype()).isEqualTo(DefeatSubtype.LOST_CONTACT);
            assertThat(after.reasons()).containsExactly(Reason.PRICE, Reason.COMPETITOR_OFFER);
        }

        @Test
        void aCorrectionToAMismatchedSubtypeIsRefusedAndChangesNothing() {
            Defeat before = pending();
            NewCallback corrected = new NewCallback(CALLED_AT, CallbackOutcome.CONFIRMED, DefeatKind.AT_RISK, null,
                    null, List.of(), null, null, null, null, "zhao");
            assertThatThrownBy(() -> before.recordCallback(corrected, NOW))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("subtype"));
            assertThat(before.state()).isEqualTo(DefeatState.PENDING_CALLBACK);
            assertThat(before.callbacks()).isEmpty();
        }

        @Test
        void aCorrectionToBoughtCompetitorNeedsABrand() {
            Defeat atRisk = reported(DefeatKind.AT_RISK, DefeatSubtype.GAVE_UP);
            Defeat noBrand = new Defeat(atRisk.defeatId(), atRisk.leadId(), atRisk.dealerId(), atRisk.region(),
                    atRisk.externalRef(), atRisk.origin(), atRisk.occurredAt(), atRisk.kind(), atRisk.subtype(),
                    atRisk.reasons(), null, null, null, null, null, atRisk.state(), atRisk.callbackDueAt(), List.of(),
                    null, atRisk.reportedAt(), atRisk.version(), atRisk.fingerprint());
            NewCallback corrected = new NewCallback(CALLED_AT, CallbackOutcome.CONFIRMED, DefeatKind.DEFEATED,
                    DefeatSubtype.BOUGHT_COMPETITOR, null, List.of(), null, null, null, null, "zhao");
            assertThatThrownBy(() -> noBrand.recordCallback(corrected, NOW))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("boughtBrand"));
        }

        @Test
        void falseDefeatReversesTheReport() {
            Defeat after = pending().recordCallback(callback(CallbackOutcome.FALSE_DEFEAT), NOW);
            assertThat(after.state()).isEqualTo(DefeatState.REVERSED);
            assertThat(after.kind()).isEqualTo(DefeatKind.DEFEATED);
            assertThat(after.subtype()).isEqualTo(DefeatSubtype.BOUGHT_COMPETITOR);
            assertThat(after.settledAt()).isEqualTo(CALLED_AT);
            assertThat(after.version()).isEqualTo(3);
        }

        @ParameterizedTest
        @EnumSource(value = CallbackOutcome.class, names = {"FALSE_DEFEAT", "UNREACHABLE"})
        void onlyAConfirmingCallbackCorrectsTheReport(CallbackOutcome outcome) {
            NewCallback corrected = new NewCallback(CALLED_AT, outcome, null, null, List.of(Reason.BUDGET),
                    List.of(), null, null, null, null, "zhao");
            assertThatThrownBy(() -> pending().recordCallback(corrected, NOW))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("reasons"));
        }

        @Test
        void theFirstAndSecondUnreachableKeepItPending() {
            Defeat once = pending().recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW);
            assertThat(once.state()).isEqualTo(DefeatState.PENDING_CALLBACK);
            assertThat(once.attempts()).isEqualTo(1);
            assertThat(once.version()).isEqualTo(2);
            Defeat twice = once.recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW);
            assertThat(twice.state()).isEqualTo(DefeatState.PENDING_CALLBACK);
            assertThat(twice.attempts()).isEqualTo(2);
            assertThat(twice.version()).isEqualTo(3);
            assertThat(twice.settledAt()).isNull();
        }

        @Test
        void theThirdUnreachableConfirmsItAsLostContact() {
            Defeat after = pending()
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW)
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW)
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW);
            assertThat(after.state()).isEqualTo(DefeatState.CONFIRMED);
            assertThat(after.kind()).isEqualTo(DefeatKind.DEFEATED);
            assertThat(after.subtype()).isEqualTo(DefeatSubtype.LOST_CONTACT);
            assertThat(after.attempts()).isEqualTo(3);
            assertThat(after.callbacks()).extracting(Callback::attempt).containsExactly(1, 2, 3);
            assertThat(after.version()).isEqualTo(5);
        }

        @Test
        void anUnreachableAttemptThenAnAnswerSettlesAsAnswered() {
            Defeat after = pending()
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW)
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW)
                    .recordCallback(callback(CallbackOutcome.FALSE_DEFEAT), NOW);
            assertThat(after.state()).isEqualTo(DefeatState.REVERSED);
            assertThat(after.attempts()).isEqualTo(3);
        }

        @Test
        void ratingsOutsideOneToFiveAreRefusedNamingTheStep() {
            NewCallback badRatings = new NewCallback(CALLED_AT, CallbackOutcome.CONFIRMED, null, null, null, List.of(),
                    "Geely", null, new StepRatings(0, 5, 1, 6, null, 3), null, "zhao");
            assertThatThrownBy(() -> pending().recordCallback(badRatings, NOW))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("ratings.reception", "ratings.testDrive"));
        }

        @Test
        void aCallbackInTheFutureIsRefused() {
            NewCallback future = new NewCallback(OffsetDateTime.parse("2026-12-30T10:00:00+08:00"),
                    CallbackOutcome.UNREACHABLE, null, null, null, List.of(), null, null, null, null, "zhao");
            assertThatThrownBy(() -> pending().recordCallback(future, NOW)).isInstanceOf(InvalidCommand.class);
        }

        @Test
        void aCallbackBeforeTheLossIsRefused() {
            NewCallback early = new NewCallback(LOST_AT.minusDays(1), CallbackOutcome.CONFIRMED, null, null, null,
                    List.of(), "Geely", null, null, null, "zhao");
            assertThatThrownBy(() -> pending().recordCallback(early, NOW))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("occurredAt"));
        }

        @Test
        void theCallbackKeepsWhatTheCustomerSaid() {
            Callback recorded = pending().recordCallback(callback(CallbackOutcome.CONFIRMED), NOW).callbacks().get(0);
            assertThat(recorded.attempt()).isEqualTo(1);
            assertThat(recorded.actualReasons()).containsExactly(Reason.SALES_EXPERIENCE);
            assertThat(recorded.boughtBrand()).isEqualTo("Geely");
            assertThat(recorded.ratings()).isEqualTo(new StepRatings(4, 2, 3, 5, 2, 1));
            assertThat(recorded.by()).isEqualTo("manager.zhao");
            assertThat(recorded.recordedAt()).isEqualTo(NOW);
        }
    }

    @Nested
    class FromSettledStates {

        @ParameterizedTest
        @EnumSource(CallbackOutcome.class)
        void aConfirmedDefeatTakesNoMoreCallbacks(CallbackOutcome outcome) {
            Defeat confirmed = pending().recordCallback(callback(CallbackOutcome.CONFIRMED), NOW);
            assertThatThrownBy(() -> confirmed.recordCallback(callback(outcome), NOW))
                    .isInstanceOf(DefeatAlreadySettled.class);
        }

        @ParameterizedTest
        @EnumSource(CallbackOutcome.class)
        void aReversedDefeatTakesNoMoreCallbacks(CallbackOutcome outcome) {
            Defeat reversed = pending().recordCallback(callback(CallbackOutcome.FALSE_DEFEAT), NOW);
            assertThatThrownBy(() -> reversed.recordCallback(callback(outcome), NOW))
                    .isInstanceOf(DefeatAlreadySettled.class);
        }

        @ParameterizedTest
        @EnumSource(CallbackOutcome.class)
        void aDefeatConfirmedByThreeUnreachableTakesNoMoreCallbacks(CallbackOutcome outcome) {
            Defeat lostContact = pending()
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW)
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW)
                    .recordCallback(callback(CallbackOutcome.UNREACHABLE), NOW);
            assertThatThrownBy(() -> lostContact.recordCallback(callback(outcome), NOW))
                    .isInstanceOf(DefeatAlreadySettled.class);
        }
    }

    @Test
    void aPendingDefeatIsOverdueOnlyAfterItsDueTime() {
        Defeat defeat = pending();
        assertThat(defeat.isOverdue(LOST_AT.plusHours(47).toInstant())).isFalse();
        assertThat(defeat.isOverdue(LOST_AT.plusHours(49).toInstant())).isTrue();
        assertThat(defeat.recordCallback(callback(CallbackOutcome.CONFIRMED), NOW)
                .isOverdue(LOST_AT.plusHours(49).toInstant())).isFalse();
    }
}
