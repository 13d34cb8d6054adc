package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reading defeats within the caller's scope: one defeat, the filtered list and the callbacks due,
 * both read by key from {@link DefeatLists}.
 */
@Service
public class DefeatQueries {

    private final Defeats defeats;
    private final DefeatLists lists;
    private final DefeatScope scope;
    private final ZoneId groupZone;

    public DefeatQueries(Defeats defeats, DefeatLists lists, DefeatScope scope, ZoneId groupZone) {
        this.defeats = defeats;
        this.lists = lists;
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
        return defeats.find(defeatId)
                .filter(defeat -> caller.canRead(defeat.dealerId(), defeat.region()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("defeat " + defeatId)));
    }

    /** The defeats in the caller's scope matching the filter, newest first. */
    public Mono<PageOf<Defeat>> list(Caller caller, Filter filter, Paging paging) {
        Instant from = filter.from() == null ? null : startOf(filter.from());
        Instant until = filter.to() == null ? null : startOf(filter.to().plusDays(1)).minusMillis(1);
        return scope.list(caller, filter.dealerId(), filter.region())
                .flatMap(list -> list.isEmpty() ? Mono.just(new DefeatLists.Found(List.of(), 0))
                        : lists.reported(list.get(), filter.state(), from, until, paging.skip(), paging.size()))
                .map(found -> page(found, paging));
    }

    /** Defeats waiting for their callback, the longest overdue first. */
    public Mono<PageOf<Defeat>> callbacksDue(Caller caller, String dealerId, String region, Paging paging) {
        return scope.list(caller, dealerId, region)
                .flatMap(list -> list.isEmpty() ? Mono.just(new DefeatLists.Found(List.of(), 0))
                        : lists.callbacksDue(list.get(), paging.skip(), paging.size()))
                .map(found -> page(found, paging));
    }

    private static PageOf<Defeat> page(DefeatLists.Found found, Paging paging) {
        return new PageOf<>(found.defeats(), paging.page(), paging.size(), found.total());
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(groupZone).toInstant();
    }
}
