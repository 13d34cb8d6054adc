package com.dealerradar.gateway.key;

import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/keys}. A key's scope must be unambiguous: a DEALER key names its dealer, a
 * REGION_MANAGER key its region, and a field that does not apply to the role is refused rather than
 * silently kept, so that no key looks narrower than it is.
 */
public record NewApiKeyRequest(Role role, String dealerId, String region, String label) {

    public void validate() {
        List<Violation> errors = new ArrayList<>();
        if (isBlank(label)) {
            errors.add(new Violation("label", "is required"));
        }
        if (role == null) {
            errors.add(new Violation("role", "is required; one of ADMIN, HQ, REGION_MANAGER, DEALER"));
        } else {
            checkScope(errors);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private void checkScope(List<Violation> errors) {
        boolean dealerIdApplies = role == Role.DEALER;
        boolean regionApplies = role == Role.DEALER || role == Role.REGION_MANAGER;
        if (role == Role.DEALER && isBlank(dealerId)) {
            errors.add(new Violation("dealerId", "is required for a DEALER key"));
        }
        if (role == Role.REGION_MANAGER && isBlank(region)) {
            errors.add(new Violation("region", "is required for a REGION_MANAGER key"));
        }
        if (!dealerIdApplies && dealerId != null) {
            errors.add(new Violation("dealerId", "does not apply to a " + role + " key"));
        }
        if (!regionApplies && region != null) {
            errors.add(new Violation("region", "does not apply to a " + role + " key"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
