package com.dealerradar.analytics.finding.domain;

import com.dealerradar.platform.problem.Violation;
import java.util.ArrayList;
import java.util.List;

/** Who is to act on a finding: a dealer of the group ({@code dealerId}) or a named person (free text). */
public record Owner(String dealerId, String name) {

    public Owner {
        dealerId = Texts.orNull(dealerId);
        name = Texts.orNull(name);
    }

    public boolean isDealer() {
        return dealerId != null;
    }

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (dealerId == null && name == null) {
            violations.add(new Violation("owner", "must name a dealerId or a name"));
        } else if (dealerId != null && name != null) {
            violations.add(new Violation("owner", "give either dealerId or name, not both"));
        } else {
            Texts.check(violations, "owner.dealerId", dealerId, Texts.NAME, false);
            Texts.check(violations, "owner.name", name, Texts.NAME, false);
        }
        return violations;
    }
}
