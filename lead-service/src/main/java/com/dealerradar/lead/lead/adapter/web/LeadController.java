package com.dealerradar.lead.lead.adapter.web;

import com.dealerradar.lead.lead.application.CaptureLead;
import com.dealerradar.lead.lead.application.LeadQueries;
import com.dealerradar.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final CaptureLead captureLead;
    private final LeadQueries queries;

    LeadController(CaptureLead captureLead, LeadQueries queries) {
        this.captureLead = captureLead;
        this.queries = queries;
    }

    /** 201 with the new lead; 200 with the existing one when the same {@code externalRef} and content come again. */
    @PostMapping
    Mono<ResponseEntity<LeadView>> capture(Caller caller, @Valid @RequestBody LeadRequest body) {
        return captureLead.capture(caller, body.toNewLead())
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(LeadView.of(outcome.lead())));
    }

    @GetMapping("/{leadId}")
    Mono<LeadView> get(Caller caller, @PathVariable String leadId) {
        return queries.get(caller, leadId).map(LeadView::of);
    }
}
