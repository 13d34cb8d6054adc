package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingState;
import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reads assigned findings: one by id (out of the key's reach it is not found), or a list of the group,
 * a region or an owner dealer, earliest due first, optionally of one state or only the overdue ones.
 */
@Service
public class FindingQueries {

    /** The {@code state} a list may ask for: a {@link FindingState}, or OVERDUE (OPEN and past its due date). */
    public static final String OVERDUE = "OVERDUE";

    private final Findings findings;
    private final FindingLists lists;
    private final DealerDirectory directory;
    private final Clock clock;
    private final ZoneId groupZone;

    public FindingQueries(Findings findings, FindingLists lists, DealerDirectory directory, Clock clock,
            ZoneId groupZone) {
        this.findings = findings;
        this.lists = lists;
        this.directory = directory;
        this.clock = clock;
        this.groupZone = groupZone;
    }

    public Mono<Finding> find(Caller caller, String findingId) {
        return findings.find(findingId)
                .filter(finding -> FindingAccess.reaches(caller, finding))
                .switchIfEmpty(Mono.error(() -> FindingProblems.notFound(findingId)));
    }

    public Mono<PageOf<Finding>> list(Caller caller, String region, String dealerId, String state, Paging paging) {
        FindingState wanted = state(state);
        LocalDate dueBefore = OVERDUE.equals(state) ? LocalDate.now(clock.withZone(groupZone)) : null;
        return scope(caller, region, dealerId)
                .flatMap(list -> lists.byDueDate(list, wanted, dueBefore, paging.skip(), paging.size()))
                .map(found -> new PageOf<>(found.findings(), paging.page(), paging.size(), found.total()));
    }

    private static FindingState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        if (OVERDUE.equals(state)) {
            return FindingState.OPEN;
        }
        try {
            return FindingState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("state", "must be one of " + Arrays.toString(FindingState.values())
                    .replace("]", ", " + OVERDUE + "]"));
        }
    }

    private Mono<FindingList> scope(Caller caller, String region, String dealerId) {
        if (region != null && dealerId != null) {
            return Mono.error(ApiProblem.invalid("region", "give either dealerId or region, not both"));
        }
        if (dealerId != null) {
            return switch (caller.role()) {
                case ADMIN, HQ -> Mono.just(new FindingList(dealerId, null));
                case DEALER -> dealerId.equals(caller.dealerId()) ? Mono.just(new FindingList(dealerId, null))
                        : Mono.error(outOfReach("dealer " + dealerId));
                case REGION_MANAGER -> directory.regionOf(dealerId)
                        .filter(dealerRegion -> Objects.equals(dealerRegion, caller.region()))
                        .map(inRegion -> new FindingList(dealerId, null))
                        .switchIfEmpty(Mono.error(() -> outOfReach("dealer " + dealerId)));
            };
        }
        if (region != null) {
            return caller.canReadRegion(region) ? Mono.just(new FindingList(null, region))
                    : Mono.error(outOfReach("region " + region));
        }
        return Mono.just(switch (caller.role()) {
            case ADMIN, HQ -> FindingList.GROUP;
            case REGION_MANAGER -> new FindingList(null, caller.region());
            case DEALER -> new FindingList(caller.dealerId(), null);
        });
    }

    private static ApiProblem outOfReach(String what) {
        return ApiProblem.forbidden(what + " is outside this key's scope");
    }
}
