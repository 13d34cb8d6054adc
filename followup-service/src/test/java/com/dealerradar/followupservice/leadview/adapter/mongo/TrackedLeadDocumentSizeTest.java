package com.dealerradar.followupservice.leadview.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/** A tracked lead's document does not grow with the number of follow-ups counted for it. */
class TrackedLeadDocumentSizeTest {

    private static final Instant CAPTURED = Instant.parse("2026-01-05T02:00:00Z");

    @Test
    void aLeadWithAThousandFollowUpsKeepsTheSizeItHadAfterFifty() {
        TrackedLead lead = TrackedLead.captured("L-" + "x".repeat(36), "D-CF-01", "Chifeng", Grade.A, CAPTURED, 1,
                Cadence.DEFAULTS);
        long afterWindow = 0;
        for (int i = 1; i <= 1000; i++) {
            lead = lead.recorded("F-" + String.format("%036d", i), CAPTURED.plus(Duration.ofHours(i)), i % 2 == 0,
                    Cadence.DEFAULTS).orElseThrow().lead();
            if (i == TrackedLead.RECENT_FOLLOW_UPS) {
                afterWindow = bsonSize(TrackedLeadStore.toDocument(lead));
            }
        }

        long afterThousand = bsonSize(TrackedLeadStore.toDocument(lead));
        assertThat(lead.eventSequence()).isEqualTo(1000);
        assertThat(afterThousand).isEqualTo(afterWindow).isLessThan(4_096);
        assertThat(TrackedLeadStore.toLead(TrackedLeadStore.toDocument(lead))).isEqualTo(lead);
    }

    @Test
    void aFollowUpStillInTheWindowIsNotCountedTwice() {
        TrackedLead lead = TrackedLead.captured("L-1", "D-CF-01", "Chifeng", Grade.A, CAPTURED, 1, Cadence.DEFAULTS);
        for (int i = 1; i <= TrackedLead.RECENT_FOLLOW_UPS + 10; i++) {
            lead = lead.recorded("F-" + i, CAPTURED.plus(Duration.ofHours(i)), true, Cadence.DEFAULTS).orElseThrow().lead();
        }
        assertThat(lead.recorded("F-11", CAPTURED.plus(Duration.ofHours(11)), true, Cadence.DEFAULTS)).isEmpty();
        assertThat(lead.recentFollowUps()).hasSize(TrackedLead.RECENT_FOLLOW_UPS);
    }

    private static long bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
