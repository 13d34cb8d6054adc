package com.dealerradar.lead.lead.domain;

import java.util.List;

/** A command whose content breaks the rules, each broken rule named by its field. */
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
