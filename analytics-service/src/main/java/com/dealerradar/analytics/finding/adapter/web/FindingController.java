package com.dealerradar.analytics.finding.adapter.web;

import com.dealerradar.analytics.finding.application.AssignFinding;
import com.dealerradar.analytics.finding.application.FindingQueries;
import com.dealerradar.analytics.finding.application.FindingSummaryQuery;
import com.dealerradar.analytics.finding.application.RecordOutcome;
import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Acting on a finding: assign it, record its outcomes, read one, list them, and the summary of what
 * came of them. Each call is deferred, so that a refused parameter is a signalled error like any other.
 */
@RestController
@RequestMapping("/api/analytics/findings")
class FindingController {

    private final AssignFinding assign;
    private final RecordOutcome recordOutcome;
    private final FindingQueries queries;
    private final FindingSummaryQuery summary;
    private final Clock clock;
    private final ZoneId groupZone;

    FindingController(AssignFinding assign, RecordOutcome recordOutcome, FindingQueries queries,
            FindingSummaryQuery summary, Clock clock, ZoneId groupZone) {
        this.assign = assign;
        this.recordOutcome = recordOutcome;
        this.queries = queries;
        this.summary = summary;
        this.clock = clock;
        this.groupZone = groupZone;
    }

    @PutMapping("/{findingId}/assignment")
    Mono<FindingView> assign(Caller caller, @PathVariable String findingId,
            @RequestBody(required = false) AssignmentRequest body) {
        AssignmentRequest request = body == null ? new AssignmentRequest(null, null, null, null) : body;
        return Mono.defer(() -> assign.assign(caller, findingId, request.toNewAssignment())).map(this::view);
    }

    @PostMapping("/{findingId}/outcomes")
    Mono<FindingView> outcome(Caller caller, @PathVariable String findingId,
            @RequestBody(required = false) OutcomeRequest body) {
        OutcomeRequest request = body == null ? new OutcomeRequest(null, null, null, null, null) : body;
        return Mono.defer(() -> recordOutcome.record(caller, findingId, request.toNewOutcome())).map(this::view);
    }

    @GetMapping("/summary")
    Mono<FindingSummaryQuery.Summary> summary(Caller caller, @RequestParam(required = false) String region,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> summary.summary(caller, region, from, to));
    }

    @GetMapping("/{findingId}")
    Mono<FindingView> find(Caller caller, @PathVariable String findingId) {
        return Mono.defer(() -> queries.find(caller, findingId)).map(this::view);
    }

    @GetMapping
    Mono<PageOf<FindingView>> list(Caller caller, @RequestParam(required = false) String region,
            @RequestParam(required = false) String dealerId, @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.defer(() -> queries.list(caller, region, dealerId, state, Paging.of(page, size)))
                .map(found -> new PageOf<>(found.items().stream().map(this::view).toList(), found.page(),
                        found.size(), found.total()));
    }

    private FindingView view(Finding finding) {
        return FindingView.of(finding, LocalDate.now(clock.withZone(groupZone)), groupZone);
    }
}
