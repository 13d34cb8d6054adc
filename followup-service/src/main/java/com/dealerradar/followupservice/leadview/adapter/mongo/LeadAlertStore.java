package com.dealerradar.followupservice.leadview.adapter.mongo;

import com.dealerradar.followupservice.leadview.application.LeadAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The detector's alerts in three collections:
 * <ul>
 * <li>{@code alert_buckets}: one document per minute (and page of {@value #PAGE_SIZE} leads) naming the
 * leads with an alert time in that minute; the detector reads the minutes from its last checkpoint to
 * now by {@code _id $in} and deletes them when done;</li>
 * <li>{@code alert_ready}: one marker per lead whose alert time lies before the frontier the detector
 * has already walked past (a history import, a clock that moved on); the detector reads them all each
 * run, and there are only as many as are waiting;</li>
 * <li>{@code alert_checkpoint}: the detector's frontier {@code next} (minutes before it go to the
 * ready markers) and {@code done} (minutes before it are processed).</li>
 * </ul>
 * A writer reads {@code next}, writes the alert into its minute's bucket, and reads {@code next} again:
 * if the frontier passed the minute meanwhile, the lead gets a ready marker too. The detector moves
 * {@code next} before it reads the buckets, so every alert is either in a bucket read after it was
 * written or in a marker. An entry that became stale (the lead changed) costs a look and nothing else.
 */
@Component
public class LeadAlertStore implements LeadAlerts {

    static final String BUCKETS = "alert_buckets";
    static final String READY = "alert_ready";
    static final String CHECKPOINTS = "alert_checkpoint";
    static final int PAGE_SIZE = 500;
    private static final String DETECTOR = "detector";
    private static final int MINUTES_PER_READ = 1000;

    private final ReactiveMongoTemplate mongo;

    public LeadAlertStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> schedule(String leadId, Collection<Instant> times) {
        if (times.isEmpty()) {
            return Mono.empty();
        }
        List<Long> minutes = times.stream().map(LeadAlerts::minuteOf).distinct().toList();
        return frontier().flatMap(before -> {
            boolean behind = minutes.stream().anyMatch(minute -> minute < before);
            List<Long> ahead = minutes.stream().filter(minute -> minute >= before).toList();
            Mono<Void> buckets = Flux.fromIterable(ahead).concatMap(minute -> addToBucket(minute, 0, leadId)).then();
            return (behind ? markReady(leadId) : Mono.<Void>empty())
                    .then(buckets)
                    .then(ahead.isEmpty() ? Mono.<Void>empty() : frontier().flatMap(after -> behind
                            || ahead.stream().noneMatch(minute -> minute < after) ? Mono.empty() : markReady(leadId)));
        });
    }

    @Override
    public Mono<Void> markReady(String leadId) {
        return mongo.upsert(byId(leadId), new Update().set("token", UUID.randomUUID().toString()), READY).then();
    }

    @Override
    public Flux<Ready> ready() {
        return mongo.findAll(Document.class, READY).map(d -> new Ready(d.getString("_id"), d.getString("token")));
    }

    @Override
    public Mono<Void> dropReady(Ready ready) {
        Query unchanged = Query.query(Criteria.where("_id").is(ready.leadId()).and("token").is(ready.token()));
        return mongo.remove(unchanged, READY).then();
    }

    @Override
    public Mono<Checkpoint> checkpoint() {
        return mongo.findById(DETECTOR, Document.class, CHECKPOINTS)
                .map(d -> new Checkpoint(d.getLong("next"), d.getLong("done"), d.getBoolean("migrated", false)));
    }

    @Override
    public Mono<Checkpoint> start(long minute) {
        Document first = new Document("_id", DETECTOR).append("next", minute).append("done", minute)
                .append("migrated", false);
        return mongo.insert(first, CHECKPOINTS).then()
                .onErrorResume(DuplicateKeyException.class, startedElsewhere -> Mono.empty())
                .then(checkpoint());
    }

    @Override
    public Mono<Void> migrated() {
        return mongo.updateFirst(byId(DETECTOR), new Update().set("migrated", true), CHECKPOINTS).then();
    }

    @Override
    public Mono<Checkpoint> advance(long minute) {
        return mongo.updateFirst(byId(DETECTOR), new Update().max("next", minute), CHECKPOINTS).then(checkpoint());
    }

    @Override
    public Mono<Void> processedUntil(long minute) {
        return mongo.updateFirst(byId(DETECTOR), new Update().max("done", minute), CHECKPOINTS).then();
    }

    @Override
    public Mono<Walked> walk(long from, long until) {
        List<Long> minutes = LongStream.range(from, until).boxed().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i += MINUTES_PER_READ) {
            chunks.add(minutes.subList(i, Math.min(minutes.size(), i + MINUTES_PER_READ)));
        }
        Walked walked = new Walked(new LinkedHashSet<>(), new ArrayList<>());
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> pages(chunk.stream().map(minute -> bucketId(minute, 0)).toList(), walked))
                .then(Mono.just(walked));
    }

    private Mono<Void> pages(List<String> ids, Walked walked) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, BUCKETS).collectList()
                .flatMap(found -> {
                    List<String> fullOnes = new ArrayList<>();
                    for (Document page : found) {
                        walked.pages().add(page.getString("_id"));
                        walked.leadIds().addAll(page.getList("leads", String.class, List.of()));
                        if (page.getInteger("n", 0) >= PAGE_SIZE) {
                            fullOnes.add(nextPage(page.getString("_id")));
                        }
                    }
                    return pages(fullOnes, walked);
                });
    }

    @Override
    public Mono<Void> dropPages(List<String> pages) {
        return pages.isEmpty() ? Mono.empty()
                : mongo.remove(Query.query(Criteria.where("_id").in(pages)), BUCKETS).then();
    }

    private Mono<Long> frontier() {
        return checkpoint().map(Checkpoint::next).defaultIfEmpty(Long.MIN_VALUE);
    }

    // A full page sends the write on to the next one. Writers racing on a page may take it a little
    // past its size; a page only ever grows, so the walk finds every page after a full one.
    private Mono<Void> addToBucket(long minute, int page, String leadId) {
        String id = bucketId(minute, page);
        Update add = new Update().addToSet("leads", leadId).inc("n", 1);
        return mongo.findById(id, Document.class, BUCKETS)
                .map(found -> found.getInteger("n", 0) >= PAGE_SIZE)
                .defaultIfEmpty(false)
                .flatMap(full -> full ? addToBucket(minute, page + 1, leadId)
                        : mongo.upsert(byId(id), add, BUCKETS).then()
                                .onErrorResume(DuplicateKeyException.class, createdMeanwhile ->
                                        addToBucket(minute, page, leadId)));
    }

    static String bucketId(long minute, int page) {
        return minute + "." + page;
    }

    private static String nextPage(String bucketId) {
        int dot = bucketId.indexOf('.');
        return bucketId.substring(0, dot + 1) + (Integer.parseInt(bucketId.substring(dot + 1)) + 1);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
