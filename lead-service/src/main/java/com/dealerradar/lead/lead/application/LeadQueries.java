package com.dealerradar.lead.lead.application;

import com.dealerradar.lead.directory.application.Directory;
import com.dealerradar.lead.lead.adapter.mongo.LeadStore;
import com.dealerradar.lead.lead.domain.Lead;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.web.PageOf;
import com.dealerradar.platform.web.Paging;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading leads within the caller's scope. */
@Service
public class LeadQueries {

    private final LeadStore store;
    private final Directory directory;
    private final ZoneId groupZone;

    public LeadQueries(LeadStore store, Directory directory, ZoneId groupZone) {
        this.store = store;
        this.directory = directory;
        this.groupZone = groupZone;
    }

    /** A lead the caller may see; another dealer's lead is "not found", so that ids cannot be probed. */
    public Mono<Lead> get(Caller caller, String leadId) {
        return store.find(leadId)
                .filter(lead -> caller.canRead(lead.dealerId(), lead.region()))
                .switchIfEmpty(Mono.error(ApiProblem.notFound("lead " + leadId)));
    }

    /**
     * A page of leads, newest first. A DEALER sees its own dealer only (no region), a REGION_MANAGER its
     * region only: asking for anything outside that is 403.
     */
    public Mono<PageOf<Lead>> list(Caller caller, LeadFilter filter, Paging paging) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            return Mono.error(ApiProblem.invalid("from", "must not be after 'to'"));
        }
        return scope(caller, filter).flatMap(scope -> {
            Criteria criteria = allOf(scope, filters(filter));
            return Mono.zip(store.find(criteria, paging.skip(), paging.size()).collectList(), store.count(criteria))
                    .map(t -> new PageOf<>(t.getT1(), paging.page(), paging.size(), t.getT2()));
        });
    }

    private Mono<Criteria> scope(Caller caller, LeadFilter filter) {
        return switch (caller.role()) {
            case ADMIN, HQ -> Mono.just(new Criteria());
            // A region is more than one dealer: a DEALER key asking for any region is refused, as on every read.
            case DEALER -> filter.region() == null
                    && (filter.dealerId() == null || filter.dealerId().equals(caller.dealerId()))
                    ? Mono.just(Criteria.where("dealerId").is(caller.dealerId()))
                    : Mono.error(ApiProblem.forbidden("this key reads dealer " + caller.dealerId() + " only"));
            case REGION_MANAGER -> regionManagerScope(caller, filter);
        };
    }

    private Mono<Criteria> regionManagerScope(Caller caller, LeadFilter filter) {
        if (filter.region() != null && !filter.region().equals(caller.region())) {
            return Mono.error(ApiProblem.forbidden("this key reads region " + caller.region() + " only"));
        }
        Criteria ownRegion = Criteria.where("region").is(caller.region());
        if (filter.dealerId() == null) {
            return Mono.just(ownRegion);
        }
        return directory.find(filter.dealerId())
                .filter(dealer -> Objects.equals(dealer.region(), caller.region()))
                .map(dealer -> ownRegion)
                .switchIfEmpty(Mono.error(ApiProblem.forbidden("dealer " + filter.dealerId()
                        + " is not in region " + caller.region())));
    }

    private List<Criteria> filters(LeadFilter f) {
        List<Criteria> parts = new ArrayList<>();
        equal(parts, "dealerId", f.dealerId());
        equal(parts, "region", f.region());
        equal(parts, "status", f.status());
        equal(parts, "grade", f.grade());
        equal(parts, "channel", f.channel());
        equal(parts, "customer.industry", f.industry());
        if (f.from() != null) {
            parts.add(Criteria.where("occurredAt").gte(Date.from(f.from().atStartOfDay(groupZone).toInstant())));
        }
        if (f.to() != null) {
            parts.add(Criteria.where("occurredAt").lt(Date.from(f.to().plusDays(1).atStartOfDay(groupZone).toInstant())));
        }
        return parts;
    }

    private static void equal(List<Criteria> parts, String field, Object value) {
        if (value != null) {
            parts.add(Criteria.where(field).is(value instanceof Enum<?> e ? e.name() : value));
        }
    }

    private static Criteria allOf(Criteria scope, List<Criteria> parts) {
        List<Criteria> all = new ArrayList<>();
        if (!scope.getCriteriaObject().isEmpty()) {
            all.add(scope);
        }
        all.addAll(parts);
        return switch (all.size()) {
            case 0 -> new Criteria();
            case 1 -> all.get(0);
            default -> new Criteria().andOperator(all);
        };
    }
}
