package com.dealerradar.leadservice.lead.domain;

import static com.dealerradar.leadservice.lead.domain.LeadStatus.AT_RISK;
import static com.dealerradar.leadservice.lead.domain.LeadStatus.DEFEATED;
import static com.dealerradar.leadservice.lead.domain.LeadStatus.INVALID;
import static com.dealerradar.leadservice.lead.domain.LeadStatus.OPEN;
import static com.dealerradar.leadservice.lead.domain.LeadStatus.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every status against every transition: what api.md allows, and 409 material for the rest. */
class LeadStatusTest {

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"OPEN", "AT_RISK"})
    void aDealClosesAnOpenOrAtRiskLead(LeadStatus status) {
        assertThat(status.onDeal()).isEqualTo(WON);
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"WON", "INVALID", "DEFEATED"})
    void noOtherLeadTakesADeal(LeadStatus status) {
        assertThatThrownBy(status::onDeal).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.current()).isEqualTo(status));
    }

    @Test
    void onlyAnOpenLeadBecomesInvalid() {
        assertThat(OPEN.onInvalid()).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"WON", "INVALID", "AT_RISK", "DEFEATED"})
    void noOtherLeadBecomesInvalid(LeadStatus status) {
        assertThatThrownBy(status::onInvalid).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.current()).isEqualTo(status));
    }

    @ParameterizedTest
    @CsvSource({
            "OPEN, AT_RISK, AT_RISK",
            "OPEN, DEFEATED, DEFEATED",
            "AT_RISK, DEFEATED, DEFEATED",
            "AT_RISK, AT_RISK, AT_RISK",
            "DEFEATED, AT_RISK, DEFEATED",
            "DEFEATED, DEFEATED, DEFEATED",
            "WON, AT_RISK, WON",
            "WON, DEFEATED, WON",
            "INVALID, AT_RISK, INVALID",
            "INVALID, DEFEATED, INVALID"})
    void aConfirmedDefeatMovesOnlyALeadStillInPlay(LeadStatus from, DefeatKind kind, LeadStatus to) {
        assertThat(from.onConfirmedDefeat(kind)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({"AT_RISK, OPEN", "DEFEATED, OPEN", "OPEN, OPEN", "WON, WON", "INVALID, INVALID"})
    void aReversedDefeatReopensOnlyALostLead(LeadStatus from, LeadStatus to) {
        assertThat(from.onReversedDefeat()).isEqualTo(to);
    }

    @Test
    void wonAndInvalidAreFinalAndOnlyOpenAndAtRiskLeadsAreWorked() {
        assertThat(Arrays.stream(LeadStatus.values()).filter(LeadStatus::isFinal)).containsExactly(WON, INVALID);
        assertThat(Arrays.stream(LeadStatus.values()).filter(LeadStatus::isWorked)).containsExactly(OPEN, AT_RISK);
    }
}
