package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.FindingConflict;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InvalidCommand;

/** The domain's refusals as the API answers them. */
final class FindingProblems {

    private FindingProblems() {}

    static ApiProblem of(RuntimeException refusal) {
        if (refusal instanceof InvalidCommand invalid) {
            return ApiProblem.invalid(invalid.violations());
        }
        if (refusal instanceof FindingConflict conflict) {
            return ApiProblem.conflict(conflict.getMessage());
        }
        throw refusal;
    }

    static ApiProblem notFound(String findingId) {
        return ApiProblem.notFound("finding " + findingId);
    }

    static ApiProblem concurrent(String findingId) {
        return ApiProblem.conflict("finding " + findingId + " is changing concurrently; retry");
    }
}
