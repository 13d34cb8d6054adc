package com.dealerradar.analytics.wave.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.wave.domain.InquiryDay;
import com.dealerradar.analytics.wave.domain.Inquiry;
import com.dealerradar.analytics.wave.domain.OrganizationInquiries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link WaveIntake} over in-memory ports: a dealer-day recomputed again changes nothing, a newer one replaces the dealer's entry. */
class WaveIntakeTest {

    private static final LocalDate DEC_8 = LocalDate.of(2025, 12, 8);
    private static final DealerDay CHIFENG_DAY = new DealerDay("D-CF-01", "Chifeng", "2025-12-08");

    private final Map<String, List<String>> leadsByDealerDay = new HashMap<>();
    private final Map<String, Inquiry> inquiries = new LinkedHashMap<>();
    private final MemoryInquiryDays days = new MemoryInquiryDays();
    private final WaveIntake intake = new WaveIntake(new MemoryIndex(), this::inquiriesOf, days);

    @Test
    void aDealerDayIsSplitByIndustryAndRecomputingItAgainWritesNothing() {
        capture("D-CF-01", "2025-12-08", "l1", new Inquiry("POWER_UTILITY", "Chifeng", "State Grid Chifeng", 20));
        capture("D-CF-01", "2025-12-08", "l2", new Inquiry("COURT", "Chifeng", "Chifeng Court", 2));
        intake.recomputed(CHIFENG_DAY).block();
        intake.recomputed(CHIFENG_DAY).block();

        InquiryDays.Stored power = days.find("POWER_UTILITY", DEC_8).block();
        assertThat(power.version()).isEqualTo(1);
        assertThat(power.day().dealers()).hasSize(1);
        assertThat(power.day().dealers().get(0).organizations())
                .containsExactly(new OrganizationInquiries("State Grid Chifeng", 1, 20));
        assertThat(days.find("COURT", DEC_8).block().day().dealers().get(0).vehicles()).isEqualTo(2);
        assertThat(days.industries().block()).containsExactly("COURT", "POWER_UTILITY");
    }

    @Test
    void aLaterCaptureReplacesTheDealersEntryAndLeavesOtherDealers() {
        capture("D-CF-01", "2025-12-08", "l1", new Inquiry("POWER_UTILITY", "Chifeng", "State Grid Chifeng", 20));
        capture("D-UL-01", "2025-12-08", "l3", new Inquiry("POWER_UTILITY", "Ulanqab", "State Grid Jining", 6));
        intake.recomputed(CHIFENG_DAY).block();
        intake.recomputed(new DealerDay("D-UL-01", "Ulanqab", "2025-12-08")).block();
        capture("D-CF-01", "2025-12-08", "l4", new Inquiry("POWER_UTILITY", "Chifeng", "Chifeng Heat", 4));
        intake.recomputed(CHIFENG_DAY).block();

        InquiryDay power = days.find("POWER_UTILITY", DEC_8).block().day();
        assertThat(power.dealers()).extracting(d -> d.dealerId() + ":" + d.inquiries() + ":" + d.vehicles())
                .containsExactly("D-CF-01:2:24", "D-UL-01:1:6");
    }

    private void capture(String dealerId, String day, String leadId, Inquiry inquiry) {
        leadsByDealerDay.computeIfAbsent(dealerId + "|" + day, k -> new ArrayList<>()).add(leadId);
        inquiries.put(leadId, inquiry);
    }

    private Flux<Inquiry> inquiriesOf(Collection<String> leadIds) {
        return Flux.fromIterable(leadIds).filter(inquiries::containsKey).map(inquiries::get);
    }

    private final class MemoryIndex implements CellIndex {

        @Override
        public Mono<List<String>> leadsOf(String dealerId, String day) {
            return Mono.just(List.copyOf(leadsByDealerDay.getOrDefault(dealerId + "|" + day, List.of())));
        }

        @Override
        public Mono<Void> addLead(String dealerId, String day, String leadId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> addDealer(String region, String dealerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> widen(String first, String last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<List<String>> dealersIn(String region) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<List<String>> regions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Optional<Extent>> extent() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MemoryInquiryDays implements InquiryDays {

        private final Map<String, Stored> stored = new HashMap<>();
        private final Set<String> industries = new TreeSet<>();

        @Override
        public Mono<Stored> find(String industry, LocalDate day) {
            return Mono.just(stored.getOrDefault(InquiryDay.id(industry, day), new Stored(InquiryDay.empty(industry, day), 0)));
        }

        @Override
        public Mono<Boolean> write(InquiryDay day, long version) {
            long current = stored.containsKey(day.id()) ? stored.get(day.id()).version() : 0;
            if (current != version) {
                return Mono.just(false);
            }
            stored.put(day.id(), new Stored(day, version + 1));
            return Mono.just(true);
        }

        @Override
        public Mono<List<InquiryDay>> read(Collection<String> ids) {
            return Mono.just(ids.stream().filter(stored::containsKey).map(id -> stored.get(id).day()).toList());
        }

        @Override
        public Mono<Void> addIndustry(String industry) {
            return Mono.fromRunnable(() -> industries.add(industry));
        }

        @Override
        public Mono<List<String>> industries() {
            return Mono.just(List.copyOf(industries));
        }
    }
}
