package com.dealerradar.leadservice;

import static com.dealerradar.leadservice.LeadServiceClient.admin;
import static com.dealerradar.leadservice.LeadServiceClient.dealerKey;
import static com.dealerradar.leadservice.LeadServiceClient.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.leadservice.lead.adapter.mongo.LeadStore;
import com.dealerradar.leadservice.lead.application.DefeatOutcomes;
import com.dealerradar.leadservice.lead.application.LeadCommands;
import com.dealerradar.leadservice.lead.domain.DefeatEvent;
import com.dealerradar.leadservice.lead.domain.DefeatKind;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A lead's document does not grow with what happens to it (no list of every applied event or
 * command), nor does the phone index with the leads sharing a number.
 */
@SharedLeadServiceContext
class LeadDocumentSizeIT {

    private static final OffsetDateTime LATER = OffsetDateTime.parse("2026-11-05T09:00:00+08:00");

    @LocalServerPort
    int port;
    @Autowired
    DefeatOutcomes defeats;
    @Autowired
    LeadCommands commands;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aLeadWithAThousandDefeatEventsAndAThousandCommandsKeepsABoundedDocument() {
        LeadServiceClient client = new LeadServiceClient(port, getClass());
        String dealer = LeadServiceClient.newDealerId();
        client.registerDealer(dealer, "Baotou");
        String leadId = client.capture(dealerKey(dealer), lead(dealer, "size-1", "13900001111"));

        applyDefeatsAndGrades(leadId, 0, 20);
        int early = bsonSizeOnceOutboxIsEmpty(leadId);
        applyDefeatsAndGrades(leadId, 20, 500);
        int late = bsonSizeOnceOutboxIsEmpty(leadId);

        // 500 defeats each confirmed and reversed (1,000 applied events, each a status change) and 1,000
        // grades; defeat ids of one width, so that only growth with the history could change the size
        assertThat(mongo.findById(leadId, Document.class, LeadStore.COLLECTION).block().get("version", Number.class)
                .longValue()).isEqualTo(1 + 2000);
        assertThat(late).isLessThanOrEqualTo(early + 16).isLessThan(4096);
    }

    @Test
    void aPhoneNumberSharedByManyLeadsKeepsOnlyItsMostRecentLeadsInTheIndex() {
        LeadServiceClient client = new LeadServiceClient(port, getClass());
        String dealer = LeadServiceClient.newDealerId();
        client.registerDealer(dealer, "Baotou");
        String phone = "1370000" + String.format("%04d", Math.abs(dealer.hashCode() % 10000));
        List<String> leadIds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            leadIds.add(client.capture(dealerKey(dealer), lead(dealer, "shared-" + i, phone)));
        }

        List<String> remembered = mongo.findAll(Document.class, "lead_phones")
                .map(d -> d.getList("leads", String.class))
                .filter(ids -> ids.contains(leadIds.get(0)) || ids.contains(leadIds.get(24)))
                .blockLast();
        assertThat(remembered).containsExactlyElementsOf(leadIds.subList(5, 25));
        String next = client.capture(dealerKey(dealer), lead(dealer, "shared-25", phone));
        client.as(dealerKey(dealer)).get().uri("/api/leads/" + next).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.possibleDuplicateOf.leadId").isEqualTo(leadIds.get(5));
    }

    private void applyDefeatsAndGrades(String leadId, int from, int to) {
        for (int i = from; i < to; i++) {
            String defeatId = "defeat-%04d".formatted(i);
            assertThat(defeats.confirmed(leadId, event(defeatId, 2), DefeatKind.AT_RISK).block().status())
                    .isEqualTo(LeadStatus.AT_RISK);
            assertThat(defeats.reversed(leadId, event(defeatId, 3)).block().status()).isEqualTo(LeadStatus.OPEN);
            commands.grade(admin(), leadId, Grade.B, LATER).block();
            commands.grade(admin(), leadId, Grade.A, LATER).block();
        }
    }

    private static DefeatEvent event(String defeatId, long sequence) {
        return new DefeatEvent(UUID.randomUUID().toString(), defeatId, sequence, LATER);
    }

    private int bsonSizeOnceOutboxIsEmpty(String leadId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox(leadId).isEmpty());
        Document lead = mongo.findById(leadId, Document.class, LeadStore.COLLECTION).block();
        return new RawBsonDocument(lead, new DocumentCodec()).getByteBuffer().remaining();
    }

    private List<?> outbox(String leadId) {
        return mongo.findById(leadId, Document.class, LeadStore.COLLECTION).block()
                .getList(OutboxEvent.FIELD, Object.class, List.of());
    }
}
