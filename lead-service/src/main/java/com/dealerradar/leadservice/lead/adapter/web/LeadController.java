package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.adapter.web.CommandRequests.ContactRequest;
import com.dealerradar.leadservice.lead.adapter.web.CommandRequests.DealRequest;
import com.dealerradar.leadservice.lead.adapter.web.CommandRequests.GradeRequest;
import com.dealerradar.leadservice.lead.adapter.web.CommandRequests.InvalidRequest;
import com.dealerradar.leadservice.lead.application.CaptureBatch;
import com.dealerradar.leadservice.lead.application.CaptureLead;
import com.dealerradar.leadservice.lead.application.LeadCommands;
import com.dealerradar.leadservice.lead.application.LeadQueries;
import com.dealerradar.platform.paging.PageOf;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import jakarta.validation.Valid;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final CaptureLead captureLead;
    private final CaptureBatch captureBatch;
    private final BatchItems batchItems;
    private final LeadCommands commands;
    private final LeadQueries queries;

    LeadController(CaptureLead captureLead, CaptureBatch captureBatch, BatchItems batchItems, LeadCommands commands,
            LeadQueries queries) {
        this.captureLead = captureLead;
        this.captureBatch = captureBatch;
        this.batchItems = batchItems;
        this.commands = commands;
        this.queries = queries;
    }

    /** 201 with the new lead; 200 with the existing one when the same {@code externalRef} and content come again. */
    @PostMapping
    Mono<ResponseEntity<LeadView>> capture(Caller caller, @Valid @RequestBody LeadRequest body) {
        return captureLead.capture(caller, body.toNewLead())
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(LeadView.of(outcome.lead(), caller)));
    }

    record BatchRequest(List<JsonNode> items) {}

    record BatchResponse(List<BatchResult> results) {}

    @PostMapping("/batch")
    Mono<BatchResponse> batch(Caller caller, @RequestBody BatchRequest body) {
        if (body.items() == null) {
            return Mono.error(ApiProblem.invalid("items", "is required"));
        }
        if (body.items().size() > CaptureBatch.MAX_ITEMS) {
            return Mono.error(CaptureBatch.tooLarge(body.items().size()));
        }
        List<CaptureBatch.Item> items = body.items().stream().map(batchItems::read).toList();
        return captureBatch.capture(caller, items)
                .map(results -> new BatchResponse(results.stream().map(BatchResult::of).toList()));
    }

    @GetMapping("/{leadId}")
    Mono<LeadView> get(Caller caller, @PathVariable String leadId) {
        return queries.get(caller, leadId).map(lead -> LeadView.of(lead, caller));
    }

    @GetMapping
    Mono<PageOf<LeadView>> list(Caller caller, @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region, @RequestParam(required = false) String status,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var filter = ListParameters.filter(dealerId, region, status, grade, channel, industry, from, to);
        return queries.list(caller, filter, Paging.of(page, size))
                .map(p -> new PageOf<>(p.items().stream().map(lead -> LeadView.of(lead, caller)).toList(),
                        p.page(), p.size(), p.total()));
    }

    @PostMapping("/{leadId}/grade")
    Mono<LeadView> grade(Caller caller, @PathVariable String leadId, @Valid @RequestBody GradeRequest body) {
        return commands.grade(caller, leadId, body.grade(), body.occurredAt()).map(lead -> LeadView.of(lead, caller));
    }

    @PostMapping("/{leadId}/contact")
    Mono<LeadView> contact(Caller caller, @PathVariable String leadId, @Valid @RequestBody ContactRequest body) {
        return commands.contact(caller, leadId, body.occurredAt()).map(lead -> LeadView.of(lead, caller));
    }

    @PostMapping("/{leadId}/deal")
    Mono<LeadView> deal(Caller caller, @PathVariable String leadId, @Valid @RequestBody DealRequest body) {
        return commands.deal(caller, leadId, body.occurredAt(), blankToNull(body.model()), body.price(),
                body.vehicles() == null ? 1 : body.vehicles())
                .map(lead -> LeadView.of(lead, caller));
    }

    @PostMapping("/{leadId}/invalid")
    Mono<LeadView> invalid(Caller caller, @PathVariable String leadId, @Valid @RequestBody InvalidRequest body) {
        return commands.invalid(caller, leadId, body.reason(), body.occurredAt()).map(lead -> LeadView.of(lead, caller));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
