package com.dealerradar.defeatservice.defeat.domain;

import com.dealerradar.platform.problem.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The customer's 1 to 5 rating of each step of the sales process; null where not asked. */
public record StepRatings(Integer reception, Integer needsAnalysis, Integer presentation, Integer testDrive,
        Integer negotiation, Integer followUp) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public static StepRatings none() {
        return new StepRatings(null, null, null, null, null, null);
    }

    /** The ratings by step name, in the order of the sales process. */
    public Map<String, Integer> byStep() {
        Map<String, Integer> steps = new LinkedHashMap<>();
        steps.put("reception", reception);
        steps.put("needsAnalysis", needsAnalysis);
        steps.put("presentation", presentation);
        steps.put("testDrive", testDrive);
        steps.put("negotiation", negotiation);
        steps.put("followUp", followUp);
        return steps;
    }

    List<Violation> violations(String prefix) {
        List<Violation> violations = new ArrayList<>();
        byStep().forEach((step, rating) -> {
            if (rating != null && (rating < LOWEST || rating > HIGHEST)) {
                violations.add(new Violation(prefix + step, "must be between " + LOWEST + " and " + HIGHEST));
            }
        });
        return violations;
    }
}
