package com.dealerradar.defeatservice.defeat.adapter.web;

import com.dealerradar.defeatservice.defeat.application.DefeatQueries;
import com.dealerradar.defeatservice.defeat.application.RecordCallback;
import com.dealerradar.defeatservice.defeat.application.ReportDefeat;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.security.Caller;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/defeats")
class DefeatController {

    private final ReportDefeat reportDefeat;
    private final RecordCallback recordCallback;
    private final DefeatQueries queries;
    private final Clock clock;

    DefeatController(ReportDefeat reportDefeat, RecordCallback recordCallback, DefeatQueries queries, Clock clock) {
        this.reportDefeat = reportDefeat;
        this.recordCallback = recordCallback;
        this.queries = queries;
        this.clock = clock;
    }

    /** 201 with the new defeat; 200 with the existing one when the same {@code externalRef} and content come again. */
    @PostMapping
    Mono<ResponseEntity<DefeatView>> report(Caller caller, @Valid @RequestBody DefeatRequest body) {
        return reportDefeat.report(caller, body.toNewDefeat())
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(view(outcome.defeat())));
    }

    @PostMapping("/{defeatId}/callbacks")
    Mono<DefeatView> callback(Caller caller, @PathVariable String defeatId, @Valid @RequestBody CallbackRequest body) {
        return recordCallback.record(caller, defeatId, body.toNewCallback()).map(this::view);
    }

    @GetMapping("/{defeatId}")
    Mono<DefeatView> get(Caller caller, @PathVariable String defeatId) {
        return queries.get(caller, defeatId).map(this::view);
    }

    @GetMapping
    Mono<PageOf<DefeatView>> list(Caller caller,
            @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) DefeatState state,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.defer(() -> queries.list(caller, new DefeatQueries.Filter(dealerId, region, state,
                InputBounds.queryDate("from", from), InputBounds.queryDate("to", to)),
                Paging.of(page, size))).map(this::views);
    }

    @GetMapping("/callbacks/due")
    Mono<PageOf<DefeatView>> callbacksDue(Caller caller,
            @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.defer(() -> queries.callbacksDue(caller, dealerId, region, Paging.of(page, size))).map(this::views);
    }

    private PageOf<DefeatView> views(PageOf<Defeat> defeats) {
        Instant now = clock.instant();
        return new PageOf<>(defeats.items().stream().map(d -> DefeatView.of(d, now)).toList(), defeats.page(),
                defeats.size(), defeats.total());
    }

    private DefeatView view(Defeat defeat) {
        return DefeatView.of(defeat, clock.instant());
    }
}
