package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.NewLead;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import java.time.Instant;
import java.util.List;

/** The checks every new lead passes before it is stored, alone or in a batch. */
final class Admission {

    private Admission() {}

    /** The problem that keeps this lead out, or null when it may come in. */
    static ApiProblem problemOf(Caller caller, NewLead lead, Instant now) {
        List<Violation> violations = lead.violations(now);
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        if (!caller.canWriteFor(lead.dealerId())) {
            return ApiProblem.forbidden("this key may not post leads for dealer " + lead.dealerId());
        }
        return null;
    }

    static ApiProblem invalid(List<Violation> violations) {
        return ApiProblem.invalid(violations);
    }

    static ApiProblem unknownDealer(String dealerId) {
        return new ApiProblem(ApiProblem.Kind.UNPROCESSABLE, "unknown-dealer",
                "dealer " + dealerId + " is not in the directory",
                List.of(new Violation("dealerId", "unknown dealer")));
    }

    static ApiProblem externalRefConflict(String externalRef, String existingLeadId) {
        return ApiProblem.conflict("externalRef " + externalRef + " was already used for a different lead ("
                + existingLeadId + ")");
    }
}
