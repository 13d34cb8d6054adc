package com.dealerradar.defeat.defeat.application;

import com.dealerradar.defeat.defeat.domain.DefeatAlreadySettled;
import com.dealerradar.defeat.defeat.domain.InvalidCommand;
import com.dealerradar.platform.problem.ApiProblem;

/** The domain's refusals as the API answers them. */
final class DefeatProblems {

    private DefeatProblems() {}

    static ApiProblem invalid(InvalidCommand e) {
        return ApiProblem.invalid(e.violations().stream().map(v -> new ApiProblem.FieldError(v.field(), v.message())).toList());
    }

    static ApiProblem settled(DefeatAlreadySettled e) {
        return ApiProblem.conflict(e.getMessage());
    }
}
