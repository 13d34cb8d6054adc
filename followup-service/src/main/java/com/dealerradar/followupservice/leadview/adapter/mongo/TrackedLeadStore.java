package com.dealerradar.followupservice.leadview.adapter.mongo;

import com.dealerradar.followupservice.leadview.application.TrackedLeads;
import com.dealerradar.followupservice.leadview.domain.AtRiskReason;
import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.followupservice.leadview.domain.LeadStatus;
import com.dealerradar.followupservice.leadview.domain.Plan;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxWrites;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/** The tracked leads, one document per lead, carrying the outbox of the radar.followups events about it. */
@Component
public class TrackedLeadStore implements TrackedLeads {

    public static final String COLLECTION = "tracked_leads";

    private static final String STATUS = "status";
    private static final String DUE_AT = "dueAt";

    private final ReactiveMongoTemplate mongo;
    private final OutboxWrites outbox;

    public TrackedLeadStore(ReactiveMongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declareIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        Mono.when(
                indexes.createIndex(new Index().on("cadenceRevision", Sort.Direction.ASC).named("cadenceRevision")))
                .block();
    }

    @Override
    public Mono<TrackedLead> find(String leadId) {
        return mongo.findById(leadId, Document.class, COLLECTION).map(TrackedLeadStore::toLead);
    }

    @Override
    public Mono<Boolean> insert(TrackedLead lead) {
        return mongo.insert(toDocument(lead), COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, knownAlready -> Mono.just(false));
    }

    /** One write of the lead and its outbox; a write with events goes through {@link OutboxWrites}, which also publishes them. */
    @Override
    public Mono<Boolean> update(TrackedLead next, long expectedRevision, List<OutboxEvent> events) {
        Query unchanged = Query.query(Criteria.where("_id").is(next.leadId()).and("revision").is(expectedRevision));
        Update update = new Update();
        toDocument(next).forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.set(field, value);
            }
        });
        update.set("revision", expectedRevision + 1);
        if (events.isEmpty()) {
            return mongo.updateFirst(unchanged, update, COLLECTION).map(result -> result.getMatchedCount() > 0);
        }
        update.push(OutboxEvent.FIELD).each(events.stream().map(OutboxEvent::toDocument).toArray());
        return outbox.update(COLLECTION, next.leadId(), unchanged, update);
    }

    @Override
    public Flux<TrackedLead> findAll(Collection<String> leadIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(leadIds)), Document.class, COLLECTION)
                .map(TrackedLeadStore::toLead);
    }

    @Override
    public Flux<String> openLeadIds() {
        return ids(Query.query(Criteria.where(STATUS).is(LeadStatus.OPEN.name())));
    }

    @Override
    public Flux<String> plannedBefore(long revision) {
        Query query = Query.query(Criteria.where("cadenceRevision").lt(revision)
                .and(STATUS).nin(LeadStatus.WON.name(), LeadStatus.INVALID.name()));
        return ids(query);
    }

    private Flux<String> ids(Query query) {
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(d -> d.getString("_id"));
    }

    static Document toDocument(TrackedLead lead) {
        Plan plan = lead.plan();
        return new Document("_id", lead.leadId())
                .append("dealerId", lead.dealerId())
                .append("region", lead.region())
                .append("grade", lead.grade() == null ? null : lead.grade().name())
                .append(STATUS, lead.status().name())
                .append("capturedAt", date(lead.capturedAt()))
                .append("firstReachedAt", date(lead.firstReachedAt()))
                .append("lastReachedAt", date(lead.lastReachedAt()))
                .append("version", lead.version())
                .append(DUE_AT, date(plan.dueAt()))
                .append("windowEndsAt", date(plan.windowEndsAt()))
                .append("longOverdueAt", date(plan.longOverdueAt()))
                .append("cadenceRevision", plan.cadenceRevision())
                .append("overdueNotified", lead.overdueNotified())
                .append("atRiskNotified", lead.atRiskNotified().stream().map(Enum::name).sorted().toList())
                .append("recentFollowUps", lead.recentFollowUps())
                .append("eventSequence", lead.eventSequence())
                .append("revision", lead.revision());
    }

    static TrackedLead toLead(Document d) {
        String grade = d.getString("grade");
        Set<AtRiskReason> announced = new HashSet<>();
        strings(d, "atRiskNotified").forEach(reason -> announced.add(AtRiskReason.valueOf(reason)));
        Plan plan = new Plan(instant(d, DUE_AT), instant(d, "windowEndsAt"), instant(d, "longOverdueAt"),
                number(d, "cadenceRevision"));
        return new TrackedLead(d.getString("_id"), d.getString("dealerId"), d.getString("region"),
                grade == null ? null : Grade.valueOf(grade), LeadStatus.valueOf(d.getString(STATUS)),
                instant(d, "capturedAt"), instant(d, "firstReachedAt"), instant(d, "lastReachedAt"),
                number(d, "version"), plan, d.getBoolean("overdueNotified", false), announced,
                List.copyOf(strings(d, "recentFollowUps")), number(d, "eventSequence"), number(d, "revision"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> strings(Document d, String field) {
        Object value = d.get(field);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }
}
