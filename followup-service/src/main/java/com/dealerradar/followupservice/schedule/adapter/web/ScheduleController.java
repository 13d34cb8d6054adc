package com.dealerradar.followupservice.schedule.adapter.web;

import com.dealerradar.followupservice.leadview.domain.AtRiskReason;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.followupservice.schedule.application.ScheduleQueries;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.security.Caller;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/follow-ups")
class ScheduleController {

    private final ScheduleQueries queries;
    private final ZoneId zone;

    ScheduleController(ScheduleQueries queries, ZoneId groupZone) {
        this.queries = queries;
        this.zone = groupZone;
    }

    record DueLead(String leadId, String dealerId, String region, String grade, OffsetDateTime lastReachedAt,
            OffsetDateTime dueAt, boolean overdue) {}

    record AtRiskLead(String leadId, String dealerId, String region, String grade, OffsetDateTime capturedAt,
            OffsetDateTime lastReachedAt, OffsetDateTime dueAt, OffsetDateTime windowEndsAt, List<String> reasons) {}

    @GetMapping("/due")
    Mono<PageOf<DueLead>> due(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region, @RequestParam(required = false) String until,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return queries.due(caller, dealerId, region, parseUntil(until), paging)
                .map(listing -> page(listing, lead -> new DueLead(lead.leadId(), lead.dealerId(), lead.region(),
                        grade(lead), at(lead.lastReachedAt()), at(lead.plan().dueAt()),
                        lead.plan().overdueAt(listing.now()))));
    }

    @GetMapping("/at-risk-candidates")
    Mono<PageOf<AtRiskLead>> atRiskCandidates(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return queries.atRiskCandidates(caller, dealerId, region, Paging.of(page, size))
                .map(listing -> page(listing, lead -> new AtRiskLead(lead.leadId(), lead.dealerId(), lead.region(),
                        grade(lead), at(lead.capturedAt()), at(lead.lastReachedAt()), at(lead.plan().dueAt()),
                        at(lead.plan().windowEndsAt()),
                        lead.atRiskReasons(listing.now()).stream().map(AtRiskReason::name).toList())));
    }

    private static <T> PageOf<T> page(ScheduleQueries.Listing listing, Function<TrackedLead, T> view) {
        PageOf<TrackedLead> found = listing.page();
        return new PageOf<>(found.items().stream().map(view).toList(), found.page(), found.size(), found.total());
    }

    // A '+' of the offset arrives as a space when the caller did not encode it; the intent is clear.
    private static Instant parseUntil(String until) {
        if (until == null || until.isBlank()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(until.strip().replace(' ', '+')).toInstant();
            String violation = InputBounds.instantViolation(at);
            if (violation != null) {
                throw ApiProblem.invalid("until", violation);
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("until", "must be a date-time with offset, e.g. 2026-11-26T18:00:00+08:00");
        }
    }

    private static String grade(TrackedLead lead) {
        return lead.grade() == null ? null : lead.grade().name();
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
