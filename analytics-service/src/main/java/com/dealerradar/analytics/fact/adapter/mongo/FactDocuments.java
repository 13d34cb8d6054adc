package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.LeadFact;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** Reads a fact document into the domain's {@link LeadFact}. */
final class FactDocuments {

    private FactDocuments() {}

    static LeadFact toFact(Document d) {
        String bought = d.getString("boughtBrand");
        return new LeadFact(d.getString("_id"), d.get("status") == null ? "OPEN" : d.getString("status"),
                Boolean.TRUE.equals(d.getBoolean("kept")), Boolean.TRUE.equals(d.getBoolean("reached")),
                instant(d, "capturedAt"), instant(d, "firstReachedAt"), longOrNull(d, "firstResponseMinutes"),
                d.getString("organization"), intOf(d, "defeatsReported"), intOf(d, "defeatsConfirmed"),
                intOf(d, "defeatsReversed"), d.getString("defeatState"), d.getString("defeatSubtype"),
                FactStore.strings(d, "defeatReasons"), FactStore.strings(d, "actualReasons"),
                bought != null ? bought : d.getString("competitorBrand"), d.getString("sameGroupDealerId"),
                instant(d, "callbackDueAt"), ratings(d), d.getString("grade"), d.getString("wonMonth"),
                d.getString("wonModelKey"), d.get("wonVehicles") instanceof Number n ? n.intValue() : 1,
                d.getString("captureGrade"), instant(d, "wonAt"));
    }

    private static Map<String, Integer> ratings(Document d) {
        Document ratings = d.get("ratings", Document.class);
        Map<String, Integer> result = new LinkedHashMap<>();
        if (ratings != null) {
            ratings.forEach((step, value) -> {
                if (value instanceof Number n) {
                    result.put(step, n.intValue());
                }
            });
        }
        return result;
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Long longOrNull(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : null;
    }

    private static int intOf(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }
}
