package com.dealerradar.defeatservice.defeat.adapter.mongo;

import com.dealerradar.defeatservice.defeat.application.DefeatEventsOutbox;
import com.dealerradar.defeatservice.defeat.application.Defeats;
import com.dealerradar.defeatservice.defeat.domain.Callback;
import com.dealerradar.defeatservice.defeat.domain.CallbackOutcome;
import com.dealerradar.defeatservice.defeat.domain.Correction;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatOrigin;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.Reason;
import com.dealerradar.defeatservice.defeat.domain.StepRatings;
import com.dealerradar.platform.idempotency.ExternalRefIndex;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxRelay;
import com.dealerradar.platform.outbox.OutboxWrites;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Defeats in defeat-service's database; each document carries the outbox of its events. */
@Component
public class DefeatStore implements Defeats, DefeatEventsOutbox {

    public static final String COLLECTION = "defeats";

    private final ReactiveMongoTemplate mongo;
    private final OutboxWrites outbox;
    private final OutboxRelay relay;

    DefeatStore(ReactiveMongoTemplate mongo, OutboxWrites outbox, OutboxRelay relay) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** The unique index that makes {@code externalRef} idempotent per dealer, and the indexes lists need. */
    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(ExternalRefIndex.uniquePerDealer()),
                indexes.createIndex(new Index().on("leadId", Sort.Direction.ASC).named("leadId")))
                .block();
    }

    /** Inserts the defeat with its events in its outbox, and publishes them. */
    @Override
    public Mono<Boolean> insert(Defeat defeat, List<OutboxEvent> events) {
        return outbox.insert(COLLECTION, toDocument(defeat, events)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    @Override
    public void publishSoon(String defeatId) {
        relay.publishSoon(COLLECTION, defeatId);
    }

    @Override
    public Mono<Defeat> find(String defeatId) {
        return mongo.findById(defeatId, Document.class, COLLECTION).map(DefeatStore::toDefeat);
    }

    @Override
    public Mono<Defeat> findByExternalRef(String dealerId, String externalRef) {
        Query query = Query.query(Criteria.where("dealerId").is(dealerId).and("externalRef").is(externalRef));
        return mongo.findOne(query, Document.class, COLLECTION).map(DefeatStore::toDefeat);
    }

    /** In one update that only applies while the stored version is still {@code before}'s. */
    @Override
    public Mono<Boolean> update(Defeat before, Defeat after, List<OutboxEvent> events) {
        Query unchanged = Query.query(Criteria.where("_id").is(before.defeatId()).and("version").is(before.version()));
        Update update = new Update()
                .set("kind", after.kind().name())
                .set("subtype", after.subtype().name())
                .set("reasons", names(after.reasons()))
                .set("competitorBrand", after.competitorBrand())
                .set("sameGroupDealerId", after.sameGroupDealerId())
                .set("state", after.state().name())
                .set("callbacks", after.callbacks().stream().map(DefeatStore::toDocument).toList())
                .set("settledAt", date(after.settledAt()))
                .set("settledAtOffset", offset(after.settledAt()))
                .set("version", after.version());
        update.push(OutboxEvent.FIELD).each(events.stream().map(OutboxEvent::toDocument).toArray());
        return outbox.update(COLLECTION, before.defeatId(), unchanged, update);
    }

    Flux<Defeat> findAll(List<String> defeatIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(defeatIds)), Document.class, COLLECTION)
                .map(DefeatStore::toDefeat);
    }

    /** Every defeat that matches: only for one-time migrations, never on a hot path. */
    Flux<Defeat> find(Criteria criteria) {
        return mongo.find(Query.query(criteria), Document.class, COLLECTION).map(DefeatStore::toDefeat);
    }

    /** The document of a new defeat with the events of its creation in its outbox. */
    static Document toDocument(Defeat d, List<OutboxEvent> events) {
        return new Document("_id", d.defeatId())
                .append("leadId", d.leadId())
                .append("dealerId", d.dealerId())
                .append("region", d.region())
                .append("externalRef", d.externalRef())
                .append("origin", d.origin().name())
                .append("occurredAt", date(d.occurredAt()))
                .append("occurredAtOffset", offset(d.occurredAt()))
                .append("kind", d.kind().name())
                .append("subtype", d.subtype().name())
                .append("reasons", names(d.reasons()))
                .append("competitorBrand", d.competitorBrand())
                .append("competitorModel", d.competitorModel())
                .append("sameGroupDealerId", d.sameGroupDealerId())
                .append("note", d.note())
                .append("reportedBy", d.reportedBy())
                .append("state", d.state().name())
                .append("callbackDueAt", date(d.callbackDueAt()))
                .append("callbackDueAtOffset", offset(d.callbackDueAt()))
                .append("callbacks", d.callbacks().stream().map(DefeatStore::toDocument).toList())
                .append("settledAt", date(d.settledAt()))
                .append("settledAtOffset", offset(d.settledAt()))
                .append("reportedAt", Date.from(d.reportedAt()))
                .append("version", d.version())
                .append("fingerprint", d.fingerprint())
                .append(OutboxEvent.FIELD, events.stream().map(OutboxEvent::toDocument).toList());
    }

    static Defeat toDefeat(Document d) {
        return new Defeat(d.getString("_id"), d.getString("leadId"), d.getString("dealerId"), d.getString("region"),
                d.getString("externalRef"), DefeatOrigin.valueOf(d.getString("origin")),
                time(d, "occurredAt"), DefeatKind.valueOf(d.getString("kind")),
                DefeatSubtype.valueOf(d.getString("subtype")), reasons(d.getList("reasons", String.class)),
                d.getString("competitorBrand"), d.getString("competitorModel"), d.getString("sameGroupDealerId"),
                d.getString("note"), d.getString("reportedBy"), DefeatState.valueOf(d.getString("state")),
                time(d, "callbackDueAt"), d.getList("callbacks", Document.class).stream().map(DefeatStore::toCallback).toList(),
                time(d, "settledAt"), d.getDate("reportedAt").toInstant(), ((Number) d.get("version")).longValue(),
                d.getString("fingerprint"));
    }

    private static Document toDocument(Callback c) {
        StepRatings r = c.ratings();
        Document ratings = new Document();
        r.byStep().forEach(ratings::append);
        Correction k = c.correction();
        Document correction = k == null ? null : new Document("kind", k.kind() == null ? null : k.kind().name())
                .append("subtype", k.subtype() == null ? null : k.subtype().name())
                .append("reasons", k.reasons() == null ? null : names(k.reasons()));
        return new Document("attempt", c.attempt())
                .append("occurredAt", date(c.occurredAt()))
                .append("occurredAtOffset", offset(c.occurredAt()))
                .append("outcome", c.outcome().name())
                .append("actualReasons", names(c.actualReasons()))
                .append("boughtBrand", c.boughtBrand())
                .append("boughtModel", c.boughtModel())
                .append("ratings", ratings)
                .append("verbatim", c.verbatim())
                .append("by", c.by())
                .append("correction", correction)
                .append("recordedAt", Date.from(c.recordedAt()))
                .append("externalRef", c.externalRef());
    }

    private static Callback toCallback(Document d) {
        Document r = d.get("ratings", Document.class);
        StepRatings ratings = new StepRatings(r.getInteger("reception"), r.getInteger("needsAnalysis"),
                r.getInteger("presentation"), r.getInteger("testDrive"), r.getInteger("negotiation"),
                r.getInteger("followUp"));
        Document k = d.get("correction", Document.class);
        Correction correction = k == null ? null : new Correction(
                k.getString("kind") == null ? null : DefeatKind.valueOf(k.getString("kind")),
                k.getString("subtype") == null ? null : DefeatSubtype.valueOf(k.getString("subtype")),
                k.getList("reasons", String.class) == null ? null : reasons(k.getList("reasons", String.class)));
        return new Callback(d.getInteger("attempt"), time(d, "occurredAt"), CallbackOutcome.valueOf(d.getString("outcome")),
                reasons(d.getList("actualReasons", String.class)), d.getString("boughtBrand"), d.getString("boughtModel"),
                ratings, d.getString("verbatim"), d.getString("by"), correction, d.getDate("recordedAt").toInstant(),
                d.getString("externalRef"));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static List<Reason> reasons(List<String> names) {
        return names.stream().map(Reason::valueOf).toList();
    }

    private static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    private static String offset(OffsetDateTime time) {
        return time == null ? null : time.getOffset().getId();
    }

    /** A timestamp as it was given: the instant, at the offset the caller used. */
    private static OffsetDateTime time(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.of(d.getString(field + "Offset")));
    }
}
