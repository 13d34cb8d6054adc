package com.dealerradar.defeat.defeat.domain;

import java.util.List;

/** A command that breaks the defeat's rules; nothing has changed. */
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
