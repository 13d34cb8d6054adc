package com.dealerradar.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failures that answer a caller (a 4xx, or a 503 to try again) are built on every refused request and
 * on the empty branch of lookups; they must stay as cheap as the answer they stand for.
 */
class AnswersWithoutTraceTest {

    @Test
    void anApiProblemCarriesNoStackTrace() {
        assertThat(ApiProblem.notFound("lead L-1").getStackTrace()).isEmpty();
        assertThat(ApiProblem.invalid("grade", "must be one of H, A, B, C").getStackTrace()).isEmpty();
        assertThat(new ApiProblem(ApiProblem.Kind.CONFLICT, "illegal-transition", "closed").getStackTrace()).isEmpty();
    }

    @Test
    void anInvalidCommandCarriesNoStackTrace() {
        assertThat(new InvalidCommand(List.of(new Violation("phone", "is required"))).getStackTrace()).isEmpty();
    }

    @Test
    void theAnswerStillSaysWhatWentWrong() {
        ApiProblem problem = ApiProblem.notFound("lead L-1");

        assertThat(problem.getMessage()).isEqualTo("lead L-1 not found");
        assertThat(problem.kind()).isEqualTo(ApiProblem.Kind.NOT_FOUND);
    }
}
