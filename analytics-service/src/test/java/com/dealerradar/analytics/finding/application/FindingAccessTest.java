package com.dealerradar.analytics.finding.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingId;
import com.dealerradar.analytics.finding.domain.FindingSubject;
import com.dealerradar.analytics.finding.domain.NewAssignment;
import com.dealerradar.analytics.finding.domain.Owner;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingAccessTest {

    private static final LocalDate OPENS_ON = LocalDate.of(2026, 11, 20);
    private static final Finding WAVE = Finding.assign(FindingId.wave("POWER_UTILITY", OPENS_ON),
            new NewAssignment(FindingSubject.wave("POWER_UTILITY", OPENS_ON, List.of("Chifeng", "Ulanqab")),
                    new Owner("D-CF-01", null), LocalDate.of(2026, 12, 20), null),
            Instant.parse("2026-11-30T02:00:00Z"), "k");

    @Test
    void hqAndAdminReachEveryFindingAndAManagerThoseOfItsRegions() {
        assertThat(FindingAccess.reaches(new Caller("hq", Role.HQ, null, null), WAVE)).isTrue();
        assertThat(FindingAccess.reaches(new Caller("a", Role.ADMIN, null, null), WAVE)).isTrue();
        assertThat(FindingAccess.reaches(new Caller("rm", Role.REGION_MANAGER, null, "Ulanqab"), WAVE)).isTrue();
        assertThat(FindingAccess.reaches(new Caller("rm", Role.REGION_MANAGER, null, "Hohhot"), WAVE)).isFalse();
    }

    @Test
    void aDealerReachesOnlyWhatIsAssignedToItAndAssignsNothing() {
        assertThat(FindingAccess.reaches(new Caller("d", Role.DEALER, "D-CF-01", "Chifeng"), WAVE)).isTrue();
        assertThat(FindingAccess.reaches(new Caller("d", Role.DEALER, "D-CF-02", "Chifeng"), WAVE)).isFalse();
        assertThat(FindingAccess.mayAssign(new Caller("d", Role.DEALER, "D-CF-01", "Chifeng"), WAVE.regions()))
                .isFalse();
        assertThat(FindingAccess.mayAssign(new Caller("rm", Role.REGION_MANAGER, null, "Chifeng"), WAVE.regions()))
                .isTrue();
        assertThat(FindingAccess.mayAssign(new Caller("rm", Role.REGION_MANAGER, null, "Hohhot"), WAVE.regions()))
                .isFalse();
    }
}
