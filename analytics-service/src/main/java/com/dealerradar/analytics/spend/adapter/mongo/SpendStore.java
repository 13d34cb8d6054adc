package com.dealerradar.analytics.spend.adapter.mongo;

import com.dealerradar.analytics.spend.application.MonthlySpends;
import com.dealerradar.analytics.spend.domain.MonthlySpend;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marketing spend, one document per dealer and month ({@code _id} = dealer | month), and a small index
 * ({@code marketing_spend_index}: the dealers with spend in the group and per region, the first and
 * last month) so that a read asks for a bounded list of ids instead of scanning. Amounts are kept as decimal strings so that
 * both engines hold them exactly; months as {@code YYYY-MM}, which sort as they should.
 */
@Component
public class SpendStore implements MonthlySpends {

    static final String COLLECTION = "marketing_spend";
    static final String INDEX = "marketing_spend_index";
    private static final String GROUP = "G";

    private final ReactiveMongoTemplate mongo;

    public SpendStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
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

    @Override
    public Mono<Void> index(String dealerId, String region, YearMonth month) {
        Update group = new Update().addToSet("dealers", dealerId).min("first", month.toString()).max("last", month.toString());
        Mono<Void> inGroup = mongo.upsert(Query.query(Criteria.where("_id").is(GROUP)), group, INDEX).then();
        Mono<Void> inRegion = region == null ? Mono.empty()
                : mongo.upsert(Query.query(Criteria.where("_id").is("R:" + region)),
                        new Update().addToSet("dealers", dealerId), INDEX).then();
        return inGroup.then(inRegion);
    }

    @Override
    public Mono<SpendIndex> indexOf(String region) {
        Mono<Document> group = mongo.findById(GROUP, Document.class, INDEX).defaultIfEmpty(new Document());
        Mono<Document> scope = region == null ? group
                : mongo.findById("R:" + region, Document.class, INDEX).defaultIfEmpty(new Document());
        return Mono.zip(group, scope).map(t -> new SpendIndex(t.getT2().getList("dealers", String.class, List.of()),
                month(t.getT1(), "first"), month(t.getT1(), "last")));
    }

    private static YearMonth month(Document d, String field) {
        return d.getString(field) == null ? null : YearMonth.parse(d.getString(field));
    }

    @Override
    public Flux<MonthlySpend> find(Collection<String> dealerIds, YearMonth from, YearMonth to) {
        List<String> ids = new ArrayList<>();
        for (String dealerId : dealerIds) {
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                ids.add(dealerId + "|" + month);
            }
        }
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).map(SpendStore::toSpend);
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
