package com.dealerradar.analytics.spend.adapter.mongo;

import com.dealerradar.analytics.spend.domain.MonthlySpend;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marketing spend, one document per dealer and month. Amounts are kept as decimal strings so that
 * both engines hold them exactly; months as {@code YYYY-MM}, which sort as they should.
 */
@Component
public class SpendStore {

    static final String COLLECTION = "marketing_spend";

    private final ReactiveMongoTemplate mongo;

    public SpendStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<MonthlySpend> replace(MonthlySpend spend) {
        Document byChannel = new Document();
        spend.byChannel().forEach((channel, amount) -> byChannel.append(channel, amount.toPlainString()));
        Document doc = new Document("_id", spend.dealerId() + "|" + spend.month())
                .append("dealerId", spend.dealerId())
                .append("month", spend.month().toString())
                .append("total", spend.total().toPlainString())
                .append("byChannel", byChannel);
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(doc.get("_id"))), doc,
                        FindAndReplaceOptions.options().upsert(), Document.class, COLLECTION)
                .thenReturn(spend);
    }

    /** Spend of the given dealers (all dealers when null) in the months from..to (either may be open). */
    public Flux<MonthlySpend> find(Collection<String> dealerIds, YearMonth from, YearMonth to) {
        Criteria criteria = new Criteria();
        if (dealerIds != null) {
            criteria = Criteria.where("dealerId").in(dealerIds);
        }
        if (from != null || to != null) {
            Criteria month = criteria.and("month");
            if (from != null) {
                month = month.gte(from.toString());
            }
            if (to != null) {
                month = month.lte(to.toString());
            }
        }
        return mongo.find(Query.query(criteria), Document.class, COLLECTION).map(SpendStore::toSpend);
    }

    private static MonthlySpend toSpend(Document d) {
        Map<String, BigDecimal> byChannel = new LinkedHashMap<>();
        Document split = d.get("byChannel", Document.class);
        if (split != null) {
            split.forEach((channel, amount) -> byChannel.put(channel, new BigDecimal(amount.toString())));
        }
        return new MonthlySpend(d.getString("dealerId"), YearMonth.parse(d.getString("month")),
                new BigDecimal(d.getString("total")), byChannel);
    }
}
