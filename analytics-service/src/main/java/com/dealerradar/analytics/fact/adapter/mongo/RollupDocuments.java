package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.DueTimes;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.OpenLead;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.ResponseHistogram;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Maps a row of a cell to its sub-document and back, keeping only what the cell's view needs.
 * Keyed counts are stored as arrays of {k, n} pairs, because their keys (brand names, dealer ids)
 * may hold characters a field name must not; a histogram as one flat array of bucket, count pairs.
 */
final class RollupDocuments {

    private static final String[] KEY_FIELDS = {"dealerId", "region", "channel", "industry", "model", "consultant"};
    private static final String[] COUNTS = {"captured", "invalid", "traffic", "kept", "followed", "followedWon", "reached", "won",
        "atRisk", "defeatedConfirmed", "pendingDefeats", "open", "defeatsReported", "defeatsConfirmed",
        "defeatsReversed", "vehiclesSold"};

    private RollupDocuments() {}

    static Document toDocument(CellView view, CellScope scope, Rollup r) {
        Document doc = new Document();
        r.key().asMap().forEach((field, value) -> {
            if (value != null && !"day".equals(field)) {
                doc.append(field, value);
            }
        });
        long[] counts = {r.captured(), r.invalid(), r.traffic(), r.kept(), r.followed(), r.followedWon(), r.reached(), r.won(),
            r.atRisk(), r.defeatedConfirmed(), r.pendingDefeats(), r.open(), r.defeatsReported(), r.defeatsConfirmed(),
            r.defeatsReversed(), r.vehiclesSold()};
        for (int i = 0; i < COUNTS.length; i++) {
            if (counts[i] != 0) {
                doc.append(COUNTS[i], counts[i]);
            }
        }
        if (view.keepsResponses()) {
            List<Long> minutes = new ArrayList<>(ResponseHistogram.BUCKETS * 2);
            r.responseMinutes().forEach((bucket, n) -> {
                minutes.add(bucket);
                minutes.add(n);
            });
            appendUnlessEmpty(doc, "responseMinutes", minutes);
            appendUnlessEmpty(doc, "byCaptureGrade", pairs(r.byCaptureGrade()));
            appendUnlessEmpty(doc, "wonInWindowByCaptureGrade", pairs(r.wonInWindowByCaptureGrade()));
        }
        if (view.keepsLosses()) {
            DueTimes due = r.pendingDue();
            appendUnlessEmpty(doc, "pendingDue", pairs(due.latest()));
            if (due.earlier() > 0) {
                doc.append("pendingDueEarlier", due.earlier()).append("pendingDueEarlierLatest", due.earlierLatest());
            }
            appendUnlessEmpty(doc, "byReason", pairs(r.byReason()));
            appendUnlessEmpty(doc, "byCompetitor", pairs(r.byCompetitor()));
            appendUnlessEmpty(doc, "bySubtype", pairs(r.bySubtype()));
            appendUnlessEmpty(doc, "bySameGroupDealer", pairs(r.bySameGroupDealer()));
            appendUnlessEmpty(doc, "ratingSums", pairs(r.ratingSums()));
            appendUnlessEmpty(doc, "ratingCounts", pairs(r.ratingCounts()));
        }
        if (view.keepsEvidence(scope)) {
            appendUnlessEmpty(doc, "organizations", r.organizations());
            appendUnlessEmpty(doc, "wonOrganizations", r.wonOrganizations());
            appendUnlessEmpty(doc, "models", r.models());
            appendUnlessEmpty(doc, "openLeads", r.openLeads().stream().map(RollupDocuments::openLead).toList());
            appendUnlessEmpty(doc, "wonByMonth", pairs(r.wonByMonth()));
            appendUnlessEmpty(doc, "wonModels", pairs(r.wonModels()));
        }
        return doc;
    }

    /** Most rows are small: zero counts and empty lists are left out, which reads back the same. */
    private static void appendUnlessEmpty(Document doc, String field, List<?> values) {
        if (!values.isEmpty()) {
            doc.append(field, values);
        }
    }

    static Rollup toRollup(String period, Document d) {
        Map<Long, Long> minutes = new LinkedHashMap<>();
        List<?> flat = d.getList("responseMinutes", Object.class, List.of());
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            minutes.put(((Number) flat.get(i)).longValue(), ((Number) flat.get(i + 1)).longValue());
        }
        Map<Long, Long> due = new LinkedHashMap<>();
        for (Document pair : d.getList("pendingDue", Document.class, List.of())) {
            due.put(((Number) pair.get("k")).longValue(), ((Number) pair.get("n")).longValue());
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (String field : KEY_FIELDS) {
            key.put(field, d.getString(field));
        }
        GroupKey groupKey = new GroupKey(period, (String) key.get("dealerId"), (String) key.get("region"),
                (String) key.get("channel"), (String) key.get("industry"), (String) key.get("model"),
                (String) key.get("consultant"));
        return new Rollup(groupKey, count(d, "captured"), count(d, "invalid"), count(d, "traffic"),
                count(d, "kept"), count(d, "followed"), count(d, "followedWon"), count(d, "reached"), count(d, "won"), count(d, "atRisk"),
                count(d, "defeatedConfirmed"), count(d, "pendingDefeats"), count(d, "open"), minutes,
                count(d, "defeatsReported"), count(d, "defeatsConfirmed"), count(d, "defeatsReversed"),
                DueTimes.of(due, count(d, "pendingDueEarlier"), count(d, "pendingDueEarlierLatest")),
                map(d, "byReason"), map(d, "byCompetitor"), map(d, "bySubtype"), map(d, "bySameGroupDealer"),
                map(d, "ratingSums"), map(d, "ratingCounts"), d.getList("organizations", String.class, List.of()),
                d.getList("wonOrganizations", String.class, List.of()), d.getList("models", String.class, List.of()),
                d.getList("openLeads", Document.class, List.of()).stream().map(RollupDocuments::openLead).toList(),
                map(d, "wonByMonth"), map(d, "wonModels"), count(d, "vehiclesSold"),
                map(d, "byCaptureGrade"), map(d, "wonInWindowByCaptureGrade"));
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

    private static <K> List<Document> pairs(Map<K, Long> counts) {
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
