package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.directory.application.Directory;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading leads within the caller's scope. */
@Service
public class LeadQueries {

    private final Leads leads;
    private final Directory directory;
    private final ZoneId groupZone;

    public LeadQueries(Leads leads, Directory directory, ZoneId groupZone) {
        this.leads = leads;
        this.directory = directory;
        this.groupZone = groupZone;
    }

    /** A lead the caller may see; another dealer's lead is "not found", so that ids cannot be probed. */
    public Mono<Lead> get(Caller caller, String leadId) {
        return leads.find(leadId)
                .filter(lead -> caller.canRead(lead.dealerId(), lead.region()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("lead " + leadId)));
    }

    /**
     * A page of leads, newest first. A DEALER sees its own dealer only (no region), a REGION_MANAGER its
     * region only: asking for anything outside that is 403.
     */
    public Mono<PageOf<Lead>> list(Caller caller, LeadFilter filter, Paging paging) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            return Mono.error(ApiProblem.invalid("from", "must not be after 'to'"));
        }
        return selection(caller, filter).flatMap(selection -> Mono.zip(
                        leads.list(selection, paging.skip(), paging.size()).collectList(), leads.count(selection))
                .map(t -> new PageOf<>(t.getT1(), paging.page(), paging.size(), t.getT2())));
    }

    private Mono<LeadSelection> selection(Caller caller, LeadFilter filter) {
        return switch (caller.role()) {
            case ADMIN, HQ -> Mono.just(select(filter, filter.dealerId(), filter.region()));
            // A region is more than one dealer: a DEALER key asking for any region is refused, as on every read.
            case DEALER -> filter.region() == null
                    && (filter.dealerId() == null || filter.dealerId().equals(caller.dealerId()))
                    ? Mono.just(select(filter, caller.dealerId(), filter.region()))
                    : Mono.error(ApiProblem.forbidden("this key reads dealer " + caller.dealerId() + " only"));
            case REGION_MANAGER -> regionManagerSelection(caller, filter);
        };
    }

    private Mono<LeadSelection> regionManagerSelection(Caller caller, LeadFilter filter) {
        if (filter.region() != null && !filter.region().equals(caller.region())) {
            return Mono.error(ApiProblem.forbidden("this key reads region " + caller.region() + " only"));
        }
        LeadSelection ownRegion = select(filter, filter.dealerId(), caller.region());
        if (filter.dealerId() == null) {
            return Mono.just(ownRegion);
        }
        return directory.find(filter.dealerId())
                .filter(dealer -> Objects.equals(dealer.region(), caller.region()))
                .map(dealer -> ownRegion)
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("dealer " + filter.dealerId()
                        + " is not in region " + caller.region())));
    }

    private LeadSelection select(LeadFilter filter, String dealerId, String region) {
        return new LeadSelection(dealerId, region, filter.status(), filter.grade(), filter.channel(), filter.industry(),
                filter.from() == null ? null : startOf(filter.from()),
                filter.to() == null ? null : startOf(filter.to().plusDays(1)));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(groupZone).toInstant();
    }
}
