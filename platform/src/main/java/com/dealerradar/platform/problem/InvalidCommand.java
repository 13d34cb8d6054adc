package com.dealerradar.platform.problem;

import java.util.List;

/** A command that breaks its rules, thrown by plain domain code; the web edge answers it as a 400 naming each field. */
public class InvalidCommand extends RuntimeException {

    private final List<Violation> violations;

    public InvalidCommand(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
