package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.application.LeadStatusConflict;
import com.dealerradar.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Adds the lead's current status to the 409 of an illegal transition, so that a client can recover. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeadProblemAdvice {

    @ExceptionHandler(LeadStatusConflict.class)
    ResponseEntity<ProblemDetail> statusConflict(LeadStatusConflict e) {
        ProblemDetail problem = Problems.of(e);
        problem.setProperty("currentStatus", e.currentStatus().name());
        return ResponseEntity.status(Problems.statusOf(e)).body(problem);
    }
}
