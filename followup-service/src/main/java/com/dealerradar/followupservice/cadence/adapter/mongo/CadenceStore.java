package com.dealerradar.followupservice.cadence.adapter.mongo;

import com.dealerradar.followupservice.cadence.application.Cadences;
import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.cadence.domain.GradeCadence;
import com.dealerradar.followupservice.leadview.domain.Grade;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The group's one cadence document, with the revision every lead was re-planned under ({@code replannedRevision}). */
@Component
public class CadenceStore implements Cadences {

    static final String COLLECTION = "cadence";
    private static final String ID = "group";

    private final ReactiveMongoTemplate mongo;

    public CadenceStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Cadence> current() {
        return mongo.findById(ID, Document.class, COLLECTION).map(CadenceStore::toCadence)
                .defaultIfEmpty(Cadence.DEFAULTS);
    }

    @Override
    public Mono<Boolean> replanPending() {
        return mongo.findById(ID, Document.class, COLLECTION)
                .map(d -> number(d, "replannedRevision") < number(d, "revision"))
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> replanned(long revision) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ID)), new Update().max("replannedRevision", revision),
                COLLECTION).then();
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public Mono<Cadence> replace(Map<Grade, GradeCadence> grades) {
        Document byGrade = new Document();
        grades.forEach((grade, rule) -> byGrade.append(grade.name(),
                new Document("intervalDays", rule.intervalDays()).append("windowDays", rule.windowDays())));
        Update update = new Update().set("grades", byGrade).inc("revision", 1);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(CadenceStore::toCadence);
    }

    private static Cadence toCadence(Document d) {
        Document byGrade = d.get("grades", Document.class);
        Map<Grade, GradeCadence> grades = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            Document rule = byGrade.get(grade.name(), Document.class);
            grades.put(grade, new GradeCadence(rule.getInteger("intervalDays"), rule.getInteger("windowDays")));
        }
        return new Cadence(((Number) d.get("revision")).longValue(), grades);
    }
}
