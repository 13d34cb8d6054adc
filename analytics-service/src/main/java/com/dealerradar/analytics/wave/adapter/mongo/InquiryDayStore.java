package com.dealerradar.analytics.wave.adapter.mongo;

import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import com.dealerradar.analytics.wave.application.InquiryDays;
import com.dealerradar.analytics.wave.domain.DealerInquiries;
import com.dealerradar.analytics.wave.domain.InquiryDay;
import com.dealerradar.analytics.wave.domain.OrganizationInquiries;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Inquiry days in {@code analytics_inquiry_days}, one document per industry and day,
 * {@code _id = INDUSTRY|YYYY-MM-DD}, holding one entry per dealer (each naming at most ten
 * organizations): bounded by the number of dealers. Read by {@code _id} or {@code _id $in}; written by
 * a replace on {@code {_id, version}} (an insert where there was none). The industries that ever
 * inquired are one document in {@code analytics_inquiry_industries}, bounded by the industries there are.
 */
public class InquiryDayStore implements InquiryDays {

    private static final String INDUSTRIES = "industries";

    private final ReactiveMongoTemplate mongo;
    private final String days;
    private final String industries;

    public InquiryDayStore(ReactiveMongoTemplate mongo, GenerationCollections generation) {
        this.mongo = mongo;
        this.days = generation.of(GenerationCollections.INQUIRY_DAYS);
        this.industries = generation.of(GenerationCollections.INQUIRY_INDUSTRIES);
    }

    @Override
    public Mono<Stored> find(String industry, LocalDate day) {
        return mongo.findById(InquiryDay.id(industry, day), Document.class, days)
                .map(d -> new Stored(toDay(d), ((Number) d.get("version")).longValue()))
                .defaultIfEmpty(new Stored(InquiryDay.empty(industry, day), 0));
    }

    @Override
    public Mono<Boolean> write(InquiryDay day, long version) {
        Document doc = toDocument(day).append("version", version + 1);
        if (version == 0) {
            return mongo.insert(doc, days).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Document unchanged = new Document("_id", day.id()).append("version", version);
        return mongo.getCollection(days)
                .flatMap(c -> Mono.from(c.replaceOne(unchanged, doc)))
                .map(result -> result.getMatchedCount() == 1);
    }

    @Override
    public Mono<List<InquiryDay>> read(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, days)
                .map(InquiryDayStore::toDay)
                .collectList();
    }

    @Override
    public Mono<Void> addIndustry(String industry) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(INDUSTRIES)),
                new Update().addToSet("members", industry), FindAndModifyOptions.options().upsert(true),
                Document.class, industries).then();
    }

    @Override
    public Mono<List<String>> industries() {
        return mongo.findById(INDUSTRIES, Document.class, industries)
                .map(d -> d.getList("members", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    static Document toDocument(InquiryDay day) {
        List<Document> dealers = day.dealers().stream().map(dealer -> new Document("dealerId", dealer.dealerId())
                .append("region", dealer.region())
                .append("inquiries", dealer.inquiries())
                .append("vehicles", dealer.vehicles())
                .append("organizations", dealer.organizations().stream()
                        .map(o -> new Document("name", o.name()).append("inquiries", o.inquiries())
                                .append("vehicles", o.vehicles()))
                        .toList())
                .append("moreOrganizations", dealer.moreOrganizations())).toList();
        return new Document("_id", day.id()).append("industry", day.industry()).append("day", day.day().toString())
                .append("dealers", dealers);
    }

    static InquiryDay toDay(Document d) {
        List<DealerInquiries> dealers = d.getList("dealers", Document.class, List.of()).stream()
                .map(dealer -> new DealerInquiries(dealer.getString("dealerId"), dealer.getString("region"),
                        number(dealer, "inquiries"), number(dealer, "vehicles"),
                        dealer.getList("organizations", Document.class, List.of()).stream()
                                .map(o -> new OrganizationInquiries(o.getString("name"), number(o, "inquiries"),
                                        number(o, "vehicles")))
                                .toList(),
                        number(dealer, "moreOrganizations")))
                .toList();
        return new InquiryDay(d.getString("industry"), LocalDate.parse(d.getString("day")), dealers);
    }

    private static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
