package com.dealerradar.leadservice.lead.adapter.mongo;

import com.dealerradar.leadservice.lead.domain.Channel;
import com.dealerradar.leadservice.lead.domain.Customer;
import com.dealerradar.leadservice.lead.domain.CustomerKind;
import com.dealerradar.leadservice.lead.domain.Deal;
import com.dealerradar.leadservice.lead.domain.DefeatLedger;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Industry;
import com.dealerradar.leadservice.lead.domain.InvalidReason;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.LeadRef;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import com.dealerradar.leadservice.lead.domain.PhoneNumber;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/** The explicit mapping between a lead and its MongoDB document. */
final class LeadDocuments {

    private LeadDocuments() {}

    static Document toDocument(Lead lead) {
        Customer c = lead.customer();
        Document customer = new Document("kind", c.kind().name())
                .append("name", c.name())
                .append("phoneHash", c.phone() == null ? null : c.phone().hash())
                .append("phoneMasked", c.phone() == null ? null : c.phone().masked())
                .append("industry", name(c.industry()))
                .append("organization", c.organization());
        Document doc = new Document("_id", lead.leadId())
                .append("dealerId", lead.dealerId())
                .append("region", lead.region())
                .append("externalRef", lead.externalRef())
                .append("occurredAt", Date.from(lead.occurredAt().toInstant()))
                .append("occurredAtOffset", lead.occurredAt().getOffset().getId())
                .append("channel", lead.channel().name())
                .append("model", lead.model())
                .append("consultant", lead.consultant())
                .append("customer", customer)
                .append("createdAt", Date.from(lead.createdAt()))
                .append("fingerprint", lead.fingerprint())
                .append("vehicles", lead.vehicles())
                .append("possibleDuplicateOf", lead.possibleDuplicateOf() == null ? null
                        : new Document("leadId", lead.possibleDuplicateOf().leadId())
                                .append("dealerId", lead.possibleDuplicateOf().dealerId()));
        mutableState(lead).forEach(doc::append);
        return doc;
    }

    /** The fields a command or a defeat event may change. */
    static Map<String, Object> mutableState(Lead lead) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", lead.status().name());
        state.put("grade", name(lead.grade()));
        state.put("contactRetained", lead.contactRetained());
        state.put("version", lead.version());
        state.put("deal", lead.deal() == null ? null : new Document("occurredAt", Date.from(lead.deal().occurredAt().toInstant()))
                .append("offset", lead.deal().occurredAt().getOffset().getId())
                .append("model", lead.deal().model())
                .append("price", lead.deal().price() == null ? null : new Decimal128(lead.deal().price()))
                .append("vehicles", lead.deal().vehicles()));
        state.put("invalidReason", name(lead.invalidReason()));
        DefeatLedger ledger = lead.defeats();
        state.put("defeats", new Document("cause", ledger.cause())
                .append("lastSequences", ledger.lastSequences().entrySet().stream()
                        .map(e -> new Document("defeatId", e.getKey()).append("sequence", e.getValue())).toList()));
        return state;
    }

    static Lead toLead(Document d) {
        Document c = d.get("customer", Document.class);
        String phoneHash = c.getString("phoneHash");
        Customer customer = new Customer(CustomerKind.valueOf(c.getString("kind")), c.getString("name"),
                phoneHash == null ? null : new PhoneNumber(phoneHash, c.getString("phoneMasked")),
                c.getString("industry") == null ? null : Industry.valueOf(c.getString("industry")),
                c.getString("organization"));
        String grade = d.getString("grade");
        Document duplicate = d.get("possibleDuplicateOf", Document.class);
        String invalidReason = d.getString("invalidReason");
        return new Lead(d.getString("_id"), d.getString("dealerId"), d.getString("region"), d.getString("externalRef"),
                time(d.getDate("occurredAt"), d.getString("occurredAtOffset")), Channel.valueOf(d.getString("channel")),
                grade == null ? null : Grade.valueOf(grade), d.getBoolean("contactRetained", false),
                d.getString("model"), d.getString("consultant"), customer, LeadStatus.valueOf(d.getString("status")),
                d.getDate("createdAt").toInstant(), ((Number) d.get("version")).longValue(), d.getString("fingerprint"),
                duplicate == null ? null : new LeadRef(duplicate.getString("leadId"), duplicate.getString("dealerId")),
                deal(d.get("deal", Document.class)),
                invalidReason == null ? null : InvalidReason.valueOf(invalidReason),
                ledger(d.get("defeats", Document.class)), vehicles(d));
    }

    private static Deal deal(Document deal) {
        if (deal == null) {
            return null;
        }
        Object price = deal.get("price");
        BigDecimal amount = price instanceof Decimal128 decimal ? decimal.bigDecimalValue()
                : price instanceof Number number ? new BigDecimal(number.toString()) : null;
        return new Deal(time(deal.getDate("occurredAt"), deal.getString("offset")), deal.getString("model"), amount,
                vehicles(deal));
    }

    /** Leads and deals stored before {@code vehicles} was kept were of one vehicle. */
    private static int vehicles(Document d) {
        return d.get("vehicles") instanceof Number n ? n.intValue() : 1;
    }

    private static DefeatLedger ledger(Document ledger) {
        if (ledger == null) {
            return DefeatLedger.EMPTY;
        }
        Map<String, Long> sequences = new LinkedHashMap<>();
        ledger.getList("lastSequences", Document.class, List.of())
                .forEach(s -> sequences.put(s.getString("defeatId"), ((Number) s.get("sequence")).longValue()));
        return new DefeatLedger(ledger.getString("cause"), sequences);
    }

    private static OffsetDateTime time(Date date, String offset) {
        return date.toInstant().atOffset(ZoneOffset.of(offset));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
