package com.dealerradar.defeatservice.defeat.application;

import com.dealerradar.defeatservice.defeat.domain.DefeatAlreadySettled;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InvalidCommand;

/** The domain's refusals as the API answers them. */
final class DefeatProblems {

    private DefeatProblems() {}

    static ApiProblem invalid(InvalidCommand e) {
        return ApiProblem.invalid(e.violations());
    }

    static ApiProblem settled(DefeatAlreadySettled e) {
        return ApiProblem.conflict(e.getMessage());
    }
}
