package com.dealerradar.analytics.rebuild.adapter.mongo;

import com.dealerradar.analytics.rebuild.application.RebuildStatuses;
import com.dealerradar.analytics.rebuild.domain.RebuildStatus;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code analytics_rebuilds}: one small document per rebuild ({@code _id} its id, a few fields per topic),
 * and {@code _id = latest} naming the latest. Rebuilds are rare, so the collection stays small.
 */
@Component
class MongoRebuildStatuses implements RebuildStatuses {

    static final String COLLECTION = "analytics_rebuilds";
    private static final String LATEST = "latest";

    private final ReactiveMongoTemplate mongo;

    MongoRebuildStatuses(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> save(RebuildStatus status) {
        return replace(status.id(), toDocument(status))
                .then(replace(LATEST, new Document("_id", LATEST).append("rebuild", status.id())));
    }

    @Override
    public Mono<RebuildStatus> find(String id) {
        if (LATEST.equals(id)) {
            return Mono.empty();
        }
        return mongo.findById(id, Document.class, COLLECTION).map(MongoRebuildStatuses::toStatus);
    }

    @Override
    public Mono<RebuildStatus> latest() {
        return mongo.findById(LATEST, Document.class, COLLECTION).flatMap(d -> find(d.getString("rebuild")));
    }

    private Mono<Void> replace(String id, Document doc) {
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(id)), doc,
                FindAndReplaceOptions.options().upsert(), COLLECTION).then();
    }

    private static Document toDocument(RebuildStatus s) {
        return new Document("_id", s.id()).append("state", s.state().name()).append("events", s.events())
                .append("skipped", s.skipped())
                .append("topics", s.topics().stream().map(t -> new Document("topic", t.topic())
                        .append("done", t.done()).append("target", t.target())).toList())
                .append("startedAt", date(s.startedAt())).append("finishedAt", date(s.finishedAt()))
                .append("error", s.error());
    }

    private static RebuildStatus toStatus(Document d) {
        List<RebuildStatus.TopicOffsets> topics = d.getList("topics", Document.class, List.of()).stream()
                .map(t -> new RebuildStatus.TopicOffsets(t.getString("topic"), number(t, "done"), number(t, "target")))
                .toList();
        return new RebuildStatus(d.getString("_id"), RebuildStatus.State.valueOf(d.getString("state")),
                number(d, "events"), number(d, "skipped"), topics, instant(d.getDate("startedAt")),
                instant(d.getDate("finishedAt")), d.getString("error"));
    }

    private static long number(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}
