package com.dealerradar.defeat.defeat.application;

import com.dealerradar.defeat.defeat.adapter.mongo.CallbackLists;
import com.dealerradar.defeat.defeat.adapter.mongo.DefeatStore;
import com.dealerradar.defeat.defeat.domain.Defeat;
import com.dealerradar.defeat.defeat.domain.DefeatState;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.web.ApiProblem;
import com.dealerradar.platform.web.PageOf;
import com.dealerradar.platform.web.Paging;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reading defeats within the caller's scope: one defeat, the filtered list, and the callbacks due
 * (read by key from {@link CallbackLists}).
 */
@Service
public class DefeatQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by("_id"));

    private final DefeatStore store;
    private final CallbackLists callbacks;
    private final DefeatScope scope;
    private final ZoneId groupZone;

    public DefeatQueries(DefeatStore store, CallbackLists callbacks, DefeatScope scope, ZoneId groupZone) {
        this.store = store;
        this.callbacks = callbacks;
        this.scope = scope;
        this.groupZone = groupZone;
    }

    /** The filter of {@code GET /api/defeats}; {@code from} and {@code to} are inclusive days in the group's zone. */
    public record Filter(String dealerId, String region, DefeatState state, LocalDate from, LocalDate to) {

        public Filter {
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiProblem.invalid("to", "must not be before from");
            }
        }
    }

    /** A defeat the caller may see; one outside its scope is "not found", so that ids cannot be probed. */
    public Mono<Defeat> get(Caller caller, String defeatId) {
        return store.find(defeatId)
                .filter(defeat -> caller.canRead(defeat.dealerId(), defeat.region()))
                .switchIfEmpty(Mono.error(ApiProblem.notFound("defeat " + defeatId)));
    }

    public Mono<PageOf<Defeat>> list(Caller caller, Filter filter, Paging paging) {
        return scope.resolve(caller, filter.dealerId(), filter.region()).flatMap(criteria -> {
            List<Criteria> all = new ArrayList<>(criteria);
            if (filter.state() != null) {
                all.add(Criteria.where("state").is(filter.state().name()));
            }
            if (filter.from() != null) {
                all.add(Criteria.where("occurredAt").gte(startOf(filter.from())));
            }
            if (filter.to() != null) {
                all.add(Criteria.where("occurredAt").lt(startOf(filter.to().plusDays(1))));
            }
            return page(all, NEWEST_FIRST, paging);
        });
    }

    /** Defeats waiting for their callback, the longest overdue first. */
    public Mono<PageOf<Defeat>> callbacksDue(Caller caller, String dealerId, String region, Paging paging) {
        return scope.callbackList(caller, dealerId, region)
                .flatMap(list -> list.isEmpty() ? Mono.just(new CallbackLists.Found(List.of(), 0))
                        : callbacks.page(list.get(), paging.skip(), paging.size()))
                .map(found -> new PageOf<>(found.defeats(), paging.page(), paging.size(), found.total()));
    }

    private Mono<PageOf<Defeat>> page(List<Criteria> all, Sort sort, Paging paging) {
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        return Mono.zip(store.find(criteria, sort, paging.skip(), paging.size()).collectList(), store.count(criteria))
                .map(t -> new PageOf<>(t.getT1(), paging.page(), paging.size(), t.getT2()));
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(groupZone).toInstant());
    }
}
