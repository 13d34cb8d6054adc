package com.dealerradar.leadservice.lead.domain;

import static com.dealerradar.leadservice.lead.domain.Leads.CAPTURED_AT;
import static com.dealerradar.leadservice.lead.domain.Leads.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.problem.Violation;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeadTest {

    private static final OffsetDateTime LATER = CAPTURED_AT.plusDays(2);

    @Test
    void aNewLeadIsOpenAtVersionOne() {
        Lead lead = Leads.open();
        assertThat(lead.status()).isEqualTo(LeadStatus.OPEN);
        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.defeats()).isEqualTo(DefeatLedger.EMPTY);
    }

    @Test
    void gradingBumpsTheVersionAndTheSameGradeAgainChangesNothing() {
        Lead lead = Leads.open();
        Lead graded = lead.graded(Grade.H, LATER, NOW);
        assertThat(graded.grade()).isEqualTo(Grade.H);
        assertThat(graded.version()).isEqualTo(2);
        assertThat(graded.graded(Grade.H, LATER, NOW)).isSameAs(graded);
    }

    @Test
    void contactObtainedOnceChangesTheLeadOnce() {
        Lead contacted = Leads.open().contactObtained(LATER, NOW);
        assertThat(contacted.contactRetained()).isTrue();
        assertThat(contacted.version()).isEqualTo(2);
        assertThat(contacted.contactObtained(LATER, NOW)).isSameAs(contacted);
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"WON", "INVALID", "DEFEATED"})
    void aLeadNobodyWorksOnCannotBeGradedOrContacted(LeadStatus status) {
        Lead lead = Leads.in(status);
        assertThatThrownBy(() -> lead.graded(Grade.C, LATER, NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> lead.contactObtained(LATER, NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aDealRecordsTheSale() {
        Lead won = Leads.open().won(LATER, "UNI-K", new BigDecimal("159900"), 1, NOW);
        assertThat(won.status()).isEqualTo(LeadStatus.WON);
        assertThat(won.deal()).isEqualTo(new Deal(LATER, "UNI-K", new BigDecimal("159900"), 1));
        assertThat(won.version()).isEqualTo(2);
    }

    @Test
    void anInvalidLeadKeepsItsReason() {
        Lead invalid = Leads.open().invalidated(InvalidReason.DUPLICATE, LATER, NOW);
        assertThat(invalid.status()).isEqualTo(LeadStatus.INVALID);
        assertThat(invalid.invalidReason()).isEqualTo(InvalidReason.DUPLICATE);
    }

    @Test
    void aCommandInTheFutureOrBeforeTheLeadIsInvalid() {
        Lead lead = Leads.open();
        assertThatThrownBy(() -> lead.won(NOW.plusSeconds(600).atOffset(ZoneOffset.UTC), null, null, 1, NOW))
                .isInstanceOfSatisfying(InvalidCommand.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("occurredAt"));
        assertThatThrownBy(() -> lead.graded(Grade.B, CAPTURED_AT.minusDays(1), NOW))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> lead.won(LATER, null, new BigDecimal("-1"), 1, NOW))
                .isInstanceOfSatisfying(InvalidCommand.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("price"));
    }

    @Test
    void aDealSellsOneToFiveHundredVehicles() {
        assertThat(Leads.open().won(LATER, "UNI-K", null, 12, NOW).deal().vehicles()).isEqualTo(12);
        for (int vehicles : new int[] {0, 501}) {
            assertThatThrownBy(() -> Leads.open().won(LATER, null, null, vehicles, NOW))
                    .isInstanceOfSatisfying(InvalidCommand.class,
                            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("vehicles"));
        }
    }

    @Test
    void aConfirmedDefeatMovesTheLeadOnceAndRemembersItsCause() {
        DefeatEvent confirmed = new DefeatEvent("e1", "d1", 3, LATER);
        Lead atRisk = Leads.open().defeatConfirmed(confirmed, DefeatKind.AT_RISK);
        assertThat(atRisk.status()).isEqualTo(LeadStatus.AT_RISK);
        assertThat(atRisk.version()).isEqualTo(2);
        assertThat(atRisk.defeats().cause()).isEqualTo("d1");
        assertThat(atRisk.defeatConfirmed(confirmed, DefeatKind.AT_RISK)).isSameAs(atRisk);
    }

    @Test
    void aReversalReopensTheLeadAndAStaleConfirmationAfterItChangesNothing() {
        Lead defeated = Leads.open().defeatConfirmed(new DefeatEvent("e1", "d1", 3, LATER), DefeatKind.DEFEATED);
        Lead reopened = defeated.defeatReversed(new DefeatEvent("e2", "d1", 4, LATER));
        assertThat(reopened.status()).isEqualTo(LeadStatus.OPEN);
        assertThat(reopened.defeats().cause()).isNull();
        assertThat(reopened.defeatConfirmed(new DefeatEvent("e0", "d1", 2, LATER), DefeatKind.DEFEATED))
                .isSameAs(reopened);
    }

    @Test
    void reversingAnotherDefeatThanTheCauseKeepsTheLeadLostButRecordsTheEvent() {
        Lead atRisk = Leads.open().defeatConfirmed(new DefeatEvent("e1", "d1", 3, LATER), DefeatKind.AT_RISK);
        Lead after = atRisk.defeatReversed(new DefeatEvent("e2", "d2", 2, LATER));
        assertThat(after.status()).isEqualTo(LeadStatus.AT_RISK);
        assertThat(after.version()).isEqualTo(atRisk.version());
        assertThat(after.defeats().lastSequences()).containsEntry("d2", 2L);
        assertThat(after.defeatReversed(new DefeatEvent("e2", "d2", 2, LATER))).isSameAs(after);
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"WON", "INVALID"})
    void aConfirmedDefeatOfAClosedLeadChangesNoStatus(LeadStatus status) {
        Lead closed = Leads.in(status);
        Lead after = closed.defeatConfirmed(new DefeatEvent("e9", "d9", 1, LATER), DefeatKind.DEFEATED);
        assertThat(after.status()).isEqualTo(status);
        assertThat(after.version()).isEqualTo(closed.version());
    }
}
