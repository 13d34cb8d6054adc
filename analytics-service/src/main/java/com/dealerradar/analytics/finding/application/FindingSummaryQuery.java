package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.FindingState;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Whether the radar pays: of the findings of the group or a region first assigned from {@code from}
 * to {@code to}, how many were acted on (any outcome) and where each stands now. HQ and ADMIN, and a
 * regional manager for its region.
 */
@Service
public class FindingSummaryQuery {

    private final FindingLists lists;

    public FindingSummaryQuery(FindingLists lists) {
        this.lists = lists;
    }

    /** {@code byOutcome}: how many stand at each outcome now (VISITED, LEAD_CREATED, WON, DROPPED). */
    public record Summary(String region, LocalDate from, LocalDate to, long assigned, long open, long actedOn,
            Map<String, Long> byOutcome) {}

    public Mono<Summary> summary(Caller caller, String region, String from, String to) {
        if (caller.role() == Role.DEALER) {
            return Mono.error(ApiProblem.forbidden("a DEALER key does not read the findings' summary"));
        }
        if (region != null && !caller.canReadRegion(region)) {
            return Mono.error(ApiProblem.forbidden("region " + region + " is outside this key's scope"));
        }
        String scope = region != null || caller.role().seesWholeGroup() ? region : caller.region();
        LocalDate first = InputBounds.queryDate("from", from);
        LocalDate last = InputBounds.queryDate("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            return Mono.error(ApiProblem.invalid("from", "must not be after to"));
        }
        return lists.assignedBetween(scope, first, last).map(counts -> {
            long assigned = counts.values().stream().mapToLong(Long::longValue).sum();
            long open = counts.getOrDefault(FindingState.OPEN, 0L);
            Map<String, Long> byOutcome = new LinkedHashMap<>();
            for (FindingState state : FindingState.values()) {
                if (state != FindingState.OPEN) {
                    byOutcome.put(state.name(), counts.getOrDefault(state, 0L));
                }
            }
            return new Summary(scope, first, last, assigned, open, assigned - open, byOutcome);
        });
    }
}
