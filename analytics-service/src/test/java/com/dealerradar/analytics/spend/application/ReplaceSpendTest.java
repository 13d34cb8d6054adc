package com.dealerradar.analytics.spend.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.analytics.spend.domain.MonthlySpend;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who may replace a month's spend, which refusal comes first, and where the figure is filed. */
class ReplaceSpendTest {

    private static final Caller HQ = new Caller("hq", Role.HQ, null, null);
    private static final Caller OTHER_DEALER = new Caller("d2", Role.DEALER, "D-2", "Chifeng");

    private final RecordedSpends spends = new RecordedSpends();
    private final ReplaceSpend replaceSpend = new ReplaceSpend(spends, new OneDealer("D-1", "Chifeng"));

    @Test
    void aReplacedFigureIsFiledUnderTheDealersRegion() {
        MonthlySpend spend = replaceSpend.replace(HQ, "D-1", "2026-11", new BigDecimal("1200.50"),
                Map.of("ONLINE", new BigDecimal("200"))).block();

        assertThat(spend.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(spends.replaced).containsExactly(spend);
        assertThat(spends.filed).containsExactly("D-1|Chifeng|2026-11");
    }

    @Test
    void aDealerTheDirectoryDoesNotKnowIsFiledWithoutARegion() {
        replaceSpend.replace(HQ, "D-9", "2026-11", BigDecimal.TEN, null).block();

        assertThat(spends.filed).containsExactly("D-9|null|2026-11");
    }

    @Test
    void anotherDealersKeyIsForbiddenBeforeTheMonthOrTheFiguresAreLookedAt() {
        assertThatThrownBy(() -> replaceSpend.replace(OTHER_DEALER, "D-1", "November", null, null).block())
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.kind()).isEqualTo(ApiProblem.Kind.FORBIDDEN));
        assertThat(spends.replaced).isEmpty();
    }

    @Test
    void aBadMonthIsRefusedBeforeAMissingTotal() {
        assertThatThrownBy(() -> replaceSpend.replace(HQ, "D-1", "2026-1", null, null))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.errors()).extracting(Violation::field).containsExactly("month"));
    }

    @Test
    void aMissingTotalIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> replaceSpend.replace(HQ, "D-1", "2026-11", null, null).block())
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.errors()).extracting(Violation::field).containsExactly("total"));
        assertThat(spends.replaced).isEmpty();
    }

    private static final class RecordedSpends implements MonthlySpends {

        final List<MonthlySpend> replaced = new ArrayList<>();
        final List<String> filed = new ArrayList<>();

        @Override
        public Mono<MonthlySpend> replace(MonthlySpend spend) {
            return Mono.fromSupplier(() -> {
                replaced.add(spend);
                return spend;
            });
        }

        @Override
        public Mono<Void> index(String dealerId, String region, YearMonth month) {
            return Mono.fromRunnable(() -> filed.add(dealerId + "|" + region + "|" + month));
        }

        @Override
        public Mono<SpendIndex> indexOf(String region) {
            return Mono.just(new SpendIndex(List.of(), null, null));
        }

        @Override
        public Flux<MonthlySpend> find(Collection<String> dealerIds, YearMonth from, YearMonth to) {
            return Flux.fromIterable(replaced);
        }
    }

    private record OneDealer(String dealerId, String region) implements DealerDirectory {

        @Override
        public Mono<Void> replaceIfNewer(DealerRegistered dealer, long version) {
            return Mono.empty();
        }

        @Override
        public Mono<String> brandOf(String id) {
            return Mono.just(UNKNOWN_BRAND);
        }

        @Override
        public Mono<String> regionOf(String id) {
            return id.equals(dealerId) ? Mono.just(region) : Mono.empty();
        }
    }
}
