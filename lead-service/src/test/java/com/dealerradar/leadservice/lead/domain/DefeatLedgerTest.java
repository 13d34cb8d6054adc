package com.dealerradar.leadservice.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DefeatLedgerTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-05T09:00:00+08:00");

    @Test
    void aRepeatedOrOlderEventOfADefeatIsRecognisedByItsSequenceAlone() {
        DefeatLedger ledger = DefeatLedger.EMPTY.recording(new DefeatEvent("e1", "d1", 3, AT), "d1");
        assertThat(ledger.isStaleOrRepeated(new DefeatEvent("e1", "d1", 3, AT))).isTrue();
        assertThat(ledger.isStaleOrRepeated(new DefeatEvent("e0", "d1", 2, AT))).isTrue();
        assertThat(ledger.isStaleOrRepeated(new DefeatEvent("e2", "d1", 4, AT))).isFalse();
        assertThat(ledger.isStaleOrRepeated(new DefeatEvent("e9", "d2", 1, AT))).isFalse();
    }

    @Test
    void aThousandDefeatsLeaveOnlyTheMostRecentInTheLedgerAndKeepTheCause() {
        DefeatLedger ledger = DefeatLedger.EMPTY.recording(new DefeatEvent("cause-event", "cause", 2, AT), "cause");
        for (int i = 0; i < 1000; i++) {
            ledger = ledger.recording(new DefeatEvent("e" + i, "d" + i, 1, AT), "cause");
        }
        assertThat(ledger.lastSequences()).hasSize(DefeatLedger.REMEMBERED);
        assertThat(ledger.lastSequences()).containsKeys("cause", "d999", "d985").doesNotContainKey("d984");
        assertThat(ledger.isStaleOrRepeated(new DefeatEvent("e999", "d999", 1, AT))).isTrue();
    }
}
