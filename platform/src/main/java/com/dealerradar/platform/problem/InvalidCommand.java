package com.dealerradar.platform.problem;

import java.util.List;

/**
 * A command that breaks its rules, thrown by plain domain code; the web edge answers it as a 400 naming each field.
 * Like {@link ApiProblem} it is an answer, not a fault, and carries no stack trace.
 */
public class InvalidCommand extends RuntimeException {

    private final List<Violation> violations;

    public InvalidCommand(List<Violation> violations) {
        super(violations.toString(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
