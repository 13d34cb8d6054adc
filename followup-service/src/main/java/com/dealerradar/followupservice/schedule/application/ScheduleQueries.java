package com.dealerradar.followupservice.schedule.application;

import com.dealerradar.followupservice.leadview.application.LeadLists;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The due list and the at-risk candidates, as they stand at the clock's now. */
@Service
public class ScheduleQueries {

    private final LeadLists lists;
    private final ScopeResolver scopes;
    private final Clock clock;

    public ScheduleQueries(LeadLists lists, ScopeResolver scopes, Clock clock) {
        this.lists = lists;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** A page of leads, and the instant it was read at (which decides "overdue" and the at-risk reasons). */
    public record Listing(PageOf<TrackedLead> page, Instant now) {}

    /** Open leads in scope whose next follow-up is due by {@code until} (default now), earliest first. */
    public Mono<Listing> due(Caller caller, String dealerId, String region, Instant until, Paging paging) {
        Instant now = clock.instant();
        Instant by = until == null ? now : until;
        return scopes.resolve(caller, dealerId, region)
                .flatMap(scope -> lists.due(scope, by, paging.skip(), paging.size()))
                .map(found -> listing(found, paging, now));
    }

    /** Open leads in scope past their grade's window or overdue by more than twice the interval. */
    public Mono<Listing> atRiskCandidates(Caller caller, String dealerId, String region, Paging paging) {
        Instant now = clock.instant();
        return scopes.resolve(caller, dealerId, region)
                .flatMap(scope -> lists.atRisk(scope, now, paging.skip(), paging.size()))
                .map(found -> listing(found, paging, now));
    }

    private static Listing listing(LeadLists.Found found, Paging paging, Instant now) {
        return new Listing(new PageOf<>(found.leads(), paging.page(), paging.size(), found.total()), now);
    }
}
