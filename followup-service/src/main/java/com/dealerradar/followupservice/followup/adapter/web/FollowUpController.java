package com.dealerradar.followupservice.followup.adapter.web;

import com.dealerradar.followupservice.followup.application.FollowUpQueries;
import com.dealerradar.followupservice.followup.application.RecordFollowUp;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/follow-ups")
class FollowUpController {

    private final RecordFollowUp recordFollowUp;
    private final FollowUpQueries queries;

    FollowUpController(RecordFollowUp recordFollowUp, FollowUpQueries queries) {
        this.recordFollowUp = recordFollowUp;
        this.queries = queries;
    }

    /**
     * 201 with the new follow-up; 200 with the existing one when the same {@code externalRef} and
     * content come again; 202 when its lead is not known here yet and it waits for the lead's capture.
     */
    @PostMapping
    Mono<ResponseEntity<FollowUpView>> record(Caller caller, @Valid @RequestBody FollowUpRequest body) {
        return recordFollowUp.record(caller, body.toNewFollowUp())
                .map(outcome -> ResponseEntity.status(switch (outcome.result()) {
                    case CREATED -> HttpStatus.CREATED;
                    case EXISTING -> HttpStatus.OK;
                    case AWAITING_LEAD -> HttpStatus.ACCEPTED;
                }).body(FollowUpView.of(outcome.followUp())));
    }

    // leadId is checked here rather than by Spring, so that its absence is a problem naming the field.
    @GetMapping
    Mono<PageOf<FollowUpView>> ofLead(Caller caller, @RequestParam(required = false) String leadId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (leadId == null || leadId.isBlank()) {
            throw ApiProblem.invalid("leadId", "is required");
        }
        return queries.ofLead(caller, leadId, Paging.of(page, size))
                .map(found -> new PageOf<>(found.items().stream().map(FollowUpView::of).toList(), found.page(),
                        found.size(), found.total()));
    }
}
