package com.dealerradar.lead.lead.adapter.mongo;

import com.dealerradar.lead.lead.domain.Channel;
import com.dealerradar.lead.lead.domain.Customer;
import com.dealerradar.lead.lead.domain.CustomerKind;
import com.dealerradar.lead.lead.domain.Grade;
import com.dealerradar.lead.lead.domain.Industry;
import com.dealerradar.lead.lead.domain.Lead;
import com.dealerradar.lead.lead.domain.LeadStatus;
import com.dealerradar.lead.lead.domain.PhoneNumber;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Leads in lead-service's database; each document carries the outbox of its events. */
@Component
public class LeadStore {

    public static final String COLLECTION = "leads";

    private final ReactiveMongoTemplate mongo;

    public LeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unique index that makes {@code externalRef} idempotent per dealer, and the indexes lists need. */
    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(new Index().on("dealerId", Sort.Direction.ASC).on("externalRef", Sort.Direction.ASC)
                        .unique().named("dealer_externalRef")),
                indexes.createIndex(new Index().on("dealerId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC)
                        .named("dealer_occurredAt")),
                indexes.createIndex(new Index().on("region", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC)
                        .named("region_occurredAt")),
                indexes.createIndex(new Index().on("customer.phoneHash", Sort.Direction.ASC).named("phoneHash")),
                indexes.createIndex(new Index().on(OutboxEvent.FIELD + ".0", Sort.Direction.ASC).sparse()
                        .named("outbox_pending")))
                .block();
    }

    /** Fails with {@code DuplicateKeyException} when the dealer already has this {@code externalRef}. */
    public Mono<Lead> insert(Lead lead, List<OutboxEvent> events) {
        Document doc = toDocument(lead).append(OutboxEvent.FIELD, events.stream().map(OutboxEvent::toDocument).toList());
        return mongo.insert(doc, COLLECTION).thenReturn(lead);
    }

    public Mono<Lead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(LeadStore::toLead);
    }

    public Mono<Lead> findByExternalRef(String dealerId, String externalRef) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").is(externalRef));
        return mongo.findOne(query, Document.class, COLLECTION).map(LeadStore::toLead);
    }

    public Flux<Lead> find(Criteria criteria, long skip, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by("_id")))
                .skip(skip).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(LeadStore::toLead);
    }

    public Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), COLLECTION);
    }

    static Document toDocument(Lead lead) {
        Customer c = lead.customer();
        Document customer = new Document("kind", c.kind().name())
                .append("name", c.name())
                .append("phoneHash", c.phone() == null ? null : c.phone().hash())
                .append("phoneMasked", c.phone() == null ? null : c.phone().masked())
                .append("industry", c.industry() == null ? null : c.industry().name())
                .append("organization", c.organization());
        return new Document("_id", lead.leadId())
                .append("dealerId", lead.dealerId())
                .append("region", lead.region())
                .append("externalRef", lead.externalRef())
                .append("occurredAt", Date.from(lead.occurredAt().toInstant()))
                .append("occurredAtOffset", lead.occurredAt().getOffset().getId())
                .append("channel", lead.channel().name())
                .append("grade", lead.grade() == null ? null : lead.grade().name())
                .append("contactRetained", lead.contactRetained())
                .append("model", lead.model())
                .append("consultant", lead.consultant())
                .append("customer", customer)
                .append("status", lead.status().name())
                .append("createdAt", Date.from(lead.createdAt()))
                .append("version", lead.version())
                .append("fingerprint", lead.fingerprint());
    }

    static Lead toLead(Document d) {
        Document c = d.get("customer", Document.class);
        String phoneHash = c.getString("phoneHash");
        Customer customer = new Customer(CustomerKind.valueOf(c.getString("kind")), c.getString("name"),
                phoneHash == null ? null : new PhoneNumber(phoneHash, c.getString("phoneMasked")),
                c.getString("industry") == null ? null : Industry.valueOf(c.getString("industry")),
                c.getString("organization"));
        OffsetDateTime occurredAt = d.getDate("occurredAt").toInstant()
                .atOffset(ZoneOffset.of(d.getString("occurredAtOffset")));
        String grade = d.getString("grade");
        return new Lead(d.getString("_id"), d.getString("dealerId"), d.getString("region"), d.getString("externalRef"),
                occurredAt, Channel.valueOf(d.getString("channel")), grade == null ? null : Grade.valueOf(grade),
                d.getBoolean("contactRetained", false), d.getString("model"), d.getString("consultant"), customer,
                LeadStatus.valueOf(d.getString("status")), d.getDate("createdAt").toInstant(),
                ((Number) d.get("version")).longValue(), d.getString("fingerprint"));
    }
}
