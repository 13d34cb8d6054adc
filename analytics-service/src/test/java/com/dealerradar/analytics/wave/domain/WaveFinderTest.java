package com.dealerradar.analytics.wave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveFinderTest {

    private static final String POWER = "POWER_UTILITY";

    private static LocalDate dec(int day) {
        return LocalDate.of(2026, 12, day);
    }

    private static DealerInquiries dealer(String dealerId, String region, String organization, long... vehicles) {
        List<Inquiry> inquiries = new ArrayList<>();
        for (long v : vehicles) {
            inquiries.add(new Inquiry(POWER, region, organization, v));
        }
        return DealerInquiries.of(dealerId, region, inquiries);
    }

    private static InquiryDay day(LocalDate date, DealerInquiries... dealers) {
        InquiryDay day = InquiryDay.empty(POWER, date);
        for (DealerInquiries dealer : dealers) {
            day = day.with(dealer).orElseThrow();
        }
        return day;
    }

    @Test
    void theSeedsCaseBIsOneWaveWithItsRegionsOrganizationsAndVehicles() {
        // Jining (Ulanqab) 6 + 10, Chifeng 20 at two dealers (12 + 8), Ulanhot (Hinggan) 8: 5 inquiries, 44 vehicles
        List<InquiryDay> days = List.of(
                day(dec(1), dealer("D-UL-01", "Ulanqab", "State Grid Jining", 6)),
                day(dec(5), dealer("D-CF-01", "Chifeng", "State Grid Chifeng", 12),
                        dealer("D-CF-02", "Chifeng", "State Grid Chifeng", 8)),
                day(dec(12), dealer("D-UL-01", "Ulanqab", "Jining Power Construction", 10)),
                day(dec(20), dealer("D-HG-01", "Hinggan", "State Grid Ulanhot", 8)));
        List<Wave> waves = WaveFinder.find(POWER, days, 30);
        assertThat(waves).hasSize(1);
        Wave wave = waves.get(0);
        assertThat(wave.opensOn()).isEqualTo(dec(1));
        assertThat(wave.closesOn()).isEqualTo(dec(30));
        assertThat(wave.inquiries()).isEqualTo(5);
        assertThat(wave.vehicles()).isEqualTo(44);
        assertThat(wave.regions()).containsExactly(
                new RegionInquiries("Chifeng", 2, 20, List.of(new OrganizationInquiries("State Grid Chifeng", 2, 20)), 0),
                new RegionInquiries("Ulanqab", 2, 16, List.of(new OrganizationInquiries("Jining Power Construction", 1, 10),
                        new OrganizationInquiries("State Grid Jining", 1, 6)), 0),
                new RegionInquiries("Hinggan", 1, 8, List.of(new OrganizationInquiries("State Grid Ulanhot", 1, 8)), 0));
        assertThat(wave.regionNames()).containsExactlyInAnyOrder("Chifeng", "Ulanqab", "Hinggan");
    }

    @Test
    void inquiriesAfterTheWindowAreNotTheWaves() {
        // window 10: Dec 1..10 holds Ulanqab and Chifeng; Chifeng again on Dec 11 is alone after it
        List<InquiryDay> days = List.of(
                day(dec(1), dealer("D-UL-01", "Ulanqab", "State Grid Jining", 6)),
                day(dec(10), dealer("D-CF-01", "Chifeng", "State Grid Chifeng", 12)),
                day(dec(11), dealer("D-CF-01", "Chifeng", "Chifeng Heat", 9)));
        List<Wave> waves = WaveFinder.find(POWER, days, 10);
        assertThat(waves).hasSize(1);
        assertThat(waves.get(0).inquiries()).isEqualTo(2);
        assertThat(waves.get(0).vehicles()).isEqualTo(18);
    }

    @Test
    void aRegionNamesItsTenLargestOrganizationsAcrossDealersAndCountsTheRest() {
        // dealer 1: org-1..org-12 (named org-3..org-12, 2 counted); dealer 2: org-20 (30 vehicles) and org-3 (1)
        List<Inquiry> many = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            many.add(new Inquiry(POWER, "Chifeng", "org-" + i, i));
        }
        DealerInquiries first = DealerInquiries.of("D-CF-01", "Chifeng", many);
        DealerInquiries second = DealerInquiries.of("D-CF-02", "Chifeng", List.of(
                new Inquiry(POWER, "Chifeng", "org-20", 30), new Inquiry(POWER, "Chifeng", "org-3", 1)));
        List<InquiryDay> days = List.of(day(dec(2), first, second), day(dec(3), dealer("D-UL-01", "Ulanqab", "x", 1)));
        RegionInquiries chifeng = WaveFinder.find(POWER, days, 30).get(0).regions().get(0);
        // by vehicles: org-20 30, org-12 12 ... org-5 5 (9 names), then org-3 and org-4 with 4 each: org-3 asked
        // twice (3 + 1), so it is the tenth
        assertThat(chifeng.organizations()).hasSize(10);
        assertThat(chifeng.organizations().get(0)).isEqualTo(new OrganizationInquiries("org-20", 1, 30));
        assertThat(chifeng.organizations().get(9)).isEqualTo(new OrganizationInquiries("org-3", 2, 4));
        // org-4 beyond the ten, and org-1, org-2 that the first dealer had already left out
        assertThat(chifeng.moreOrganizations()).isEqualTo(3);
        assertThat(chifeng.inquiries()).isEqualTo(14);
        assertThat(chifeng.vehicles()).isEqualTo(78 + 31);
    }

    @Test
    void otherIndustriesAndEmptyDaysAreIgnored() {
        InquiryDay court = InquiryDay.empty("COURT", dec(1))
                .with(DealerInquiries.of("D-CF-01", "Chifeng", List.of(new Inquiry("COURT", "Chifeng", "c", 1)))).orElseThrow();
        List<InquiryDay> days = List.of(court, InquiryDay.empty(POWER, dec(2)),
                day(dec(3), dealer("D-UL-01", "Ulanqab", "State Grid Jining", 6)));
        assertThat(WaveFinder.find(POWER, days, 30)).isEmpty();
    }
}
