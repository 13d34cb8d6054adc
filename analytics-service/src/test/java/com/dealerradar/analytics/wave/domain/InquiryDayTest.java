package com.dealerradar.analytics.wave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InquiryDayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void aDealersEntrySumsItsInquiriesAndVehiclesByOrganization() {
        // State Grid Chifeng asks twice (8 + 4), Chifeng Water once (2), an inquiry without a name (1)
        DealerInquiries entry = DealerInquiries.of("D-CF-01", "Chifeng", List.of(
                new Inquiry("POWER_UTILITY", "Chifeng", "State Grid Chifeng", 8),
                new Inquiry("POWER_UTILITY", "Chifeng", "Chifeng Water", 2),
                new Inquiry("POWER_UTILITY", "Chifeng", "State Grid Chifeng", 4),
                new Inquiry("POWER_UTILITY", "Chifeng", null, 1)));
        assertThat(entry.inquiries()).isEqualTo(4);
        assertThat(entry.vehicles()).isEqualTo(15);
        assertThat(entry.organizations()).containsExactly(
                new OrganizationInquiries("State Grid Chifeng", 2, 12),
                new OrganizationInquiries("Chifeng Water", 1, 2));
        assertThat(entry.moreOrganizations()).isZero();
    }

    @Test
    void anEntryNamesTheTenLargestOrganizationsAndCountsTheRest() {
        // org-1 asks for 1 vehicle ... org-12 for 12: org-12 .. org-3 are named, org-2 and org-1 counted
        List<Inquiry> inquiries = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            inquiries.add(new Inquiry("COURT", "Hohhot", "org-" + i, i));
        }
        DealerInquiries entry = DealerInquiries.of("D-HO-01", "Hohhot", inquiries);
        assertThat(entry.organizations()).hasSize(10);
        assertThat(entry.organizations().get(0)).isEqualTo(new OrganizationInquiries("org-12", 1, 12));
        assertThat(entry.organizations().get(9)).isEqualTo(new OrganizationInquiries("org-3", 1, 3));
        assertThat(entry.moreOrganizations()).isEqualTo(2);
        assertThat(entry.vehicles()).isEqualTo(78);
    }

    @Test
    void aNewerEntryReplacesTheDealersAndLeavesTheOthers() {
        DealerInquiries chifeng = entry("D-CF-01", "Chifeng", 1);
        DealerInquiries jining = entry("D-UL-01", "Ulanqab", 2);
        InquiryDay day = InquiryDay.empty("POWER_UTILITY", DAY).with(jining).orElseThrow().with(chifeng).orElseThrow();
        assertThat(day.dealers()).containsExactly(chifeng, jining);

        DealerInquiries chifengLater = entry("D-CF-01", "Chifeng", 3);
        assertThat(day.with(chifengLater).orElseThrow().dealers()).containsExactly(chifengLater, jining);
    }

    @Test
    void aRedeliveredOrOlderEntryChangesNothing() {
        InquiryDay day = InquiryDay.empty("POWER_UTILITY", DAY).with(entry("D-CF-01", "Chifeng", 3)).orElseThrow();
        assertThat(day.with(entry("D-CF-01", "Chifeng", 3))).isEmpty();
        assertThat(day.with(entry("D-CF-01", "Chifeng", 2))).isEmpty();
    }

    @Test
    void theIdIsTheIndustryAndTheDay() {
        assertThat(InquiryDay.id("POWER_UTILITY", DAY)).isEqualTo("POWER_UTILITY|2026-12-03");
    }

    static DealerInquiries entry(String dealerId, String region, int inquiries) {
        List<Inquiry> list = new ArrayList<>();
        for (int i = 0; i < inquiries; i++) {
            list.add(new Inquiry("POWER_UTILITY", region, region + " Power", 6));
        }
        return DealerInquiries.of(dealerId, region, list);
    }
}
