package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.platform.security.Caller;
import java.util.Collection;
import java.util.Objects;

/**
 * Which keys reach which finding. HQ and ADMIN: every one. A regional manager: those of its region (a
 * wave: one of its regions). A DEALER: those assigned to it, to read and to record outcomes on.
 */
final class FindingAccess {

    private FindingAccess() {}

    /** May {@code caller} read this finding and record its outcomes? Otherwise it is not found, for this key. */
    static boolean reaches(Caller caller, Finding finding) {
        return switch (caller.role()) {
            case ADMIN, HQ -> true;
            case REGION_MANAGER -> finding.regions().contains(caller.region());
            case DEALER -> finding.assignment().owner().isDealer()
                    && Objects.equals(finding.assignment().owner().dealerId(), caller.dealerId());
        };
    }

    /** May {@code caller} assign a finding of {@code regions}? */
    static boolean mayAssign(Caller caller, Collection<String> regions) {
        return switch (caller.role()) {
            case ADMIN, HQ -> true;
            case REGION_MANAGER -> regions.contains(caller.region());
            case DEALER -> false;
        };
    }
}
