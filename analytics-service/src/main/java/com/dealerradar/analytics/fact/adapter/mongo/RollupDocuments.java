package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.OpenLead;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Maps a {@link Rollup} to its document and back. Keyed counts are stored as arrays of {k, n} pairs,
 * because their keys (brand names, dealer ids) may hold characters a field name must not.
 */
final class RollupDocuments {

    private static final String[] COUNTS = {"captured", "invalid", "traffic", "kept", "followed", "followedWon", "reached", "won",
        "atRisk", "defeatedConfirmed", "pendingDefeats", "open", "defeatsReported", "defeatsConfirmed",
        "defeatsReversed"};

    private RollupDocuments() {}

    static Document toDocument(RollupView view, Rollup r) {
        Document doc = new Document("_id", view.idOf(r.key()));
        doc.putAll(r.key().asMap());
        long[] counts = {r.captured(), r.invalid(), r.traffic(), r.kept(), r.followed(), r.followedWon(), r.reached(), r.won(),
            r.atRisk(), r.defeatedConfirmed(), r.pendingDefeats(), r.open(), r.defeatsReported(), r.defeatsConfirmed(),
            r.defeatsReversed()};
        for (int i = 0; i < COUNTS.length; i++) {
            if (counts[i] != 0) {
                doc.append(COUNTS[i], counts[i]);
            }
        }
        List<Document> minutes = new ArrayList<>();
        r.responseMinutes().forEach((minute, n) -> minutes.add(new Document("k", minute).append("n", n)));
        appendUnlessEmpty(doc, "responseMinutes", minutes);
        appendUnlessEmpty(doc, "pendingDueAt", r.pendingDueAt().stream().map(Date::from).toList());
        appendUnlessEmpty(doc, "byReason", pairs(r.byReason()));
        appendUnlessEmpty(doc, "byCompetitor", pairs(r.byCompetitor()));
        appendUnlessEmpty(doc, "bySubtype", pairs(r.bySubtype()));
        appendUnlessEmpty(doc, "bySameGroupDealer", pairs(r.bySameGroupDealer()));
        appendUnlessEmpty(doc, "ratingSums", pairs(r.ratingSums()));
        appendUnlessEmpty(doc, "ratingCounts", pairs(r.ratingCounts()));
        appendUnlessEmpty(doc, "organizations", r.organizations());
        appendUnlessEmpty(doc, "wonOrganizations", r.wonOrganizations());
        appendUnlessEmpty(doc, "openLeads", r.openLeads().stream().map(RollupDocuments::openLead).toList());
        return doc;
    }

    /** Most groups are small: zero counts and empty lists are left out, which reads back the same. */
    private static void appendUnlessEmpty(Document doc, String field, List<?> values) {
        if (!values.isEmpty()) {
            doc.append(field, values);
        }
    }

    static Rollup toRollup(Document d) {
        Map<Long, Long> minutes = new LinkedHashMap<>();
        for (Document pair : d.getList("responseMinutes", Document.class, List.of())) {
            minutes.put(((Number) pair.get("k")).longValue(), ((Number) pair.get("n")).longValue());
        }
        List<Instant> dueAt = d.getList("pendingDueAt", Date.class, List.of()).stream().map(Date::toInstant).toList();
        return new Rollup(FactStore.groupOf(d), count(d, "captured"), count(d, "invalid"), count(d, "traffic"),
                count(d, "kept"), count(d, "followed"), count(d, "followedWon"), count(d, "reached"), count(d, "won"), count(d, "atRisk"),
                count(d, "defeatedConfirmed"), count(d, "pendingDefeats"), count(d, "open"), minutes,
                count(d, "defeatsReported"), count(d, "defeatsConfirmed"), count(d, "defeatsReversed"), dueAt,
                map(d, "byReason"), map(d, "byCompetitor"), map(d, "bySubtype"), map(d, "bySameGroupDealer"),
                map(d, "ratingSums"), map(d, "ratingCounts"), d.getList("organizations", String.class, List.of()),
                d.getList("wonOrganizations", String.class, List.of()),
                d.getList("openLeads", Document.class, List.of()).stream().map(RollupDocuments::openLead).toList());
    }

    private static Document openLead(OpenLead lead) {
        return new Document("leadId", lead.leadId()).append("dealerId", lead.dealerId())
                .append("organization", lead.organization()).append("grade", lead.grade())
                .append("capturedAt", lead.capturedAt() == null ? null : Date.from(lead.capturedAt()));
    }

    private static OpenLead openLead(Document d) {
        Date capturedAt = d.getDate("capturedAt");
        return new OpenLead(d.getString("leadId"), d.getString("dealerId"), d.getString("organization"),
                d.getString("grade"), capturedAt == null ? null : capturedAt.toInstant());
    }

    private static List<Document> pairs(Map<String, Long> counts) {
        List<Document> pairs = new ArrayList<>();
        counts.forEach((key, n) -> pairs.add(new Document("k", key).append("n", n)));
        return pairs;
    }

    private static Map<String, Long> map(Document d, String field) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Document pair : d.getList(field, Document.class, List.of())) {
            result.put(pair.getString("k"), ((Number) pair.get("n")).longValue());
        }
        return result;
    }

    private static long count(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

}
