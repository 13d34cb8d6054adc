package com.dealerradar.analytics.finding.adapter.mongo;

import com.dealerradar.analytics.finding.application.Findings;
import com.dealerradar.analytics.finding.domain.Assignment;
import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingKind;
import com.dealerradar.analytics.finding.domain.FindingSubject;
import com.dealerradar.analytics.finding.domain.Outcome;
import com.dealerradar.analytics.finding.domain.Owner;
import com.dealerradar.analytics.finding.domain.RecordedOutcome;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Assigned findings in {@value FindingCollections#FINDINGS}, {@code _id} = findingId: one bounded document
 * each (at most three outcomes, ten previous assignments). Not a generation collection
 * ({@link FindingCollections}).
 */
@Component
public class FindingStore implements Findings {

    private static final String COLLECTION = FindingCollections.FINDINGS;

    private final ReactiveMongoTemplate mongo;

    FindingStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Finding> find(String findingId) {
        return mongo.findById(findingId, Document.class, COLLECTION).map(FindingStore::toFinding);
    }

    @Override
    public Mono<Map<String, Finding>> findAll(Collection<String> findingIds) {
        if (findingIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(findingIds)), Document.class, COLLECTION)
                .map(FindingStore::toFinding)
                .collectMap(Finding::findingId, Function.identity());
    }

    @Override
    public Mono<Boolean> insert(Finding finding) {
        return mongo.insert(toDocument(finding), COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, assignedMeanwhile -> Mono.just(false));
    }

    @Override
    public Mono<Boolean> update(Finding before, Finding after) {
        Document unchanged = new Document("_id", before.findingId()).append("version", before.version());
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.replaceOne(unchanged, toDocument(after))))
                .map(result -> result.getMatchedCount() == 1);
    }

    static Document toDocument(Finding f) {
        FindingSubject s = f.subject();
        return new Document("_id", f.findingId())
                .append("version", f.version())
                .append("kind", s.kind().name())
                .append("region", s.region())
                .append("dimension", s.dimension())
                .append("value", s.value())
                .append("industry", s.industry())
                .append("opensOn", s.opensOn() == null ? null : s.opensOn().toString())
                .append("regions", s.regions())
                .append("state", f.state().name())
                .append("assignment", toDocument(f.assignment()))
                .append("firstAssignedAt", Date.from(f.firstAssignedAt()))
                .append("outcomes", f.outcomes().stream().map(FindingStore::toDocument).toList())
                .append("previousAssignments", f.previousAssignments().stream().map(FindingStore::toDocument).toList())
                .append("earlierAssignments", f.earlierAssignments());
    }

    static Finding toFinding(Document d) {
        String opensOn = d.getString("opensOn");
        FindingSubject subject = new FindingSubject(FindingKind.valueOf(d.getString("kind")), d.getString("region"),
                d.getString("dimension"), d.getString("value"), d.getString("industry"),
                opensOn == null ? null : LocalDate.parse(opensOn), d.getList("regions", String.class, List.of()));
        return new Finding(d.getString("_id"), subject, toAssignment(d.get("assignment", Document.class)),
                d.getDate("firstAssignedAt").toInstant(),
                d.getList("outcomes", Document.class, List.of()).stream().map(FindingStore::toOutcome).toList(),
                d.getList("previousAssignments", Document.class, List.of()).stream()
                        .map(FindingStore::toAssignment).toList(),
                ((Number) d.get("earlierAssignments")).longValue(), ((Number) d.get("version")).longValue());
    }

    private static Document toDocument(Assignment a) {
        return new Document("ownerDealerId", a.owner().dealerId())
                .append("ownerName", a.owner().name())
                .append("dueDate", a.dueDate().toString())
                .append("note", a.note())
                .append("assignedAt", Date.from(a.assignedAt()))
                .append("assignedBy", a.assignedBy());
    }

    private static Assignment toAssignment(Document d) {
        return new Assignment(new Owner(d.getString("ownerDealerId"), d.getString("ownerName")),
                LocalDate.parse(d.getString("dueDate")), d.getString("note"), d.getDate("assignedAt").toInstant(),
                d.getString("assignedBy"));
    }

    private static Document toDocument(RecordedOutcome o) {
        return new Document("outcome", o.outcome().name())
                .append("at", Date.from(o.at().toInstant()))
                .append("atOffset", o.at().getOffset().getId())
                .append("leadId", o.leadId())
                .append("reason", o.reason())
                .append("externalRef", o.externalRef())
                .append("fingerprint", o.fingerprint())
                .append("recordedAt", Date.from(o.recordedAt()))
                .append("recordedBy", o.recordedBy());
    }

    private static RecordedOutcome toOutcome(Document d) {
        return new RecordedOutcome(Outcome.valueOf(d.getString("outcome")),
                d.getDate("at").toInstant().atOffset(ZoneOffset.of(d.getString("atOffset"))), d.getString("leadId"),
                d.getString("reason"), d.getString("externalRef"), d.getString("fingerprint"),
                d.getDate("recordedAt").toInstant(), d.getString("recordedBy"));
    }
}
