package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.application.CaptureBatch;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.web.Problems;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.HttpStatus;

/** One item's outcome in a batch response; a rejected item carries its problem in the problem+json shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BatchResult(int index, String outcome, String leadId, ItemProblem problem) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ItemProblem(String type, String title, int status, String detail, List<Violation> errors) {

        static ItemProblem of(ApiProblem e) {
            HttpStatus status = Problems.statusOf(e);
            return new ItemProblem("https://dealer-radar.dev/problems/" + e.slug(), status.getReasonPhrase(),
                    status.value(), e.getMessage(), e.errors());
        }
    }

    static BatchResult of(CaptureBatch.ItemResult r) {
        return new BatchResult(r.index(), r.outcome().name(), r.leadId(),
                r.problem() == null ? null : ItemProblem.of(r.problem()));
    }
}
