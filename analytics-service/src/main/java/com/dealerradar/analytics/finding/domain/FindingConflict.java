package com.dealerradar.analytics.finding.domain;

/** A change the finding's state forbids (an outcome after it closed, a step back), or a reused externalRef. */
public class FindingConflict extends RuntimeException {

    public FindingConflict(String message) {
        super(message);
    }
}
