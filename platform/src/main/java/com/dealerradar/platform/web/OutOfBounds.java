package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.InputBounds;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A value that was read but breaks one of {@link InputBounds}; its message is the rule, fit to show. */
public class OutOfBounds extends MismatchedInputException {

    private final String rule;

    OutOfBounds(JsonParser p, String rule, Class<?> targetType) {
        super(p, rule, targetType);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
