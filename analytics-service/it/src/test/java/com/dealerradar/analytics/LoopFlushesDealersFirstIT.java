package com.dealerradar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.application.CellRefresher;
import com.dealerradar.analytics.fact.application.DealerDayObserver;
import com.dealerradar.analytics.fact.application.FlushBatching;
import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.generation.application.ReadModelStores;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.testkit.RadarInfrastructure;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Mono;

/**
 * The flush loop's flush puts a dealer's own cells first: while more dealer-days wait, the regions' and
 * the group's cells follow later, and the markers stay until they have. A complete flush does every level.
 * The refreshers here are the production class over the service's own stores; the service's loop is held off.
 * <p>
 * Its name sorts it after the classes on the default configuration (failsafe runs classes alphabetically and
 * keeps one context at a time), so that their context starts once rather than again after this one.
 */
@SpringBootTest(properties = "radar.analytics.flush-interval=1h")
@RadarInfrastructure
class LoopFlushesDealersFirstIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final OffsetDateTime NOV_2 = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");

    @Autowired
    ReadModels readModels;
    @Autowired
    ReadModelStores readModelStores;

    private final String region = "R-" + UUID.randomUUID().toString().substring(0, 8);
    private final String dealer = "D-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void whileMoreDealerDaysWaitTheRegionAndGroupFollowLaterWithTheMarkers() {
        ReadModelStores.Stores stores = readModelStores.open(readModels.active().generation());
        AtomicReference<CellRefresher> refresher = new AtomicReference<>();
        // A lead of the same dealer arrives (is marked) while the first day is being recomputed.
        DealerDayObserver anotherLeadMeanwhile = day -> day.day().equals("2026-11-02")
                ? refresher.get().mark(new GroupKey("2026-11-03", dealer, region, "SHOWROOM", null, null, null))
                : Mono.empty();
        refresher.set(new CellRefresher(stores.facts(), stores.cells(), stores.index(), stores.markers(), anotherLeadMeanwhile,
                new FlushBatching(100, 20, TIMEOUT)));
        capture();
        refresher.get().adoptMarkers().block(TIMEOUT);

        refresher.get().flushDealersFirst(Duration.ofHours(1)).block(TIMEOUT);

        assertThat(captured(stores, CellScope.dealer(dealer))).isEqualTo(1);
        assertThat(captured(stores, CellScope.region(region))).isZero();
        assertThat(pendingDays(stores)).contains("2026-11-02");
        assertThat(refresher.get().hasPending()).isTrue();
        assertThat(refresher.get().pendingWork()).isGreaterThan(1);

        refresher.get().flush().block(TIMEOUT);

        assertThat(captured(stores, CellScope.region(region))).isEqualTo(1);
        assertThat(pendingDays(stores)).isEmpty();
        assertThat(refresher.get().hasPending()).isFalse();
        assertThat(refresher.get().pendingWork()).isZero();
    }

    @Test
    void withNothingElseWaitingTheLoopsFlushDoesEveryLevel() {
        ReadModelStores.Stores stores = readModelStores.open(readModels.active().generation());
        CellRefresher refresher = new CellRefresher(stores.facts(), stores.cells(), stores.index(), stores.markers(),
                day -> Mono.empty(), new FlushBatching(100, 20, TIMEOUT));
        capture();
        refresher.adoptMarkers().block(TIMEOUT);

        refresher.flushDealersFirst(Duration.ofHours(1)).block(TIMEOUT);

        assertThat(captured(stores, CellScope.dealer(dealer))).isEqualTo(1);
        assertThat(captured(stores, CellScope.region(region))).isEqualTo(1);
        assertThat(pendingDays(stores)).isEmpty();
    }

    private void capture() {
        readModels.applyDirectory(new EventEnvelope(UUID.randomUUID().toString(), "/directory", EventTypes.DEALER_REGISTERED,
                dealer, NOV_2, dealer, region, 1, EventJson.write(new DealerRegistered(dealer, dealer, region, "Changan"))))
                .block(TIMEOUT);
        String leadId = "L-" + UUID.randomUUID();
        LeadCaptured lead = new LeadCaptured(leadId, dealer, region, "crm-" + leadId, NOV_2, "SHOWROOM", "A", true,
                "CS75 PLUS", "wang.li", new LeadCaptured.Customer("INDIVIDUAL", null, null, null), null);
        readModels.applyLeadEvent(new EventEnvelope(UUID.randomUUID().toString(), "/lead-service", EventTypes.LEAD_CAPTURED,
                leadId, NOV_2, dealer, region, 1, EventJson.write(lead))).block(TIMEOUT);
    }

    private static long captured(ReadModelStores.Stores stores, CellScope scope) {
        String id = CellView.TOTAL.cellId("2026", scope);
        Cell cell = stores.cells().read(List.of(id)).block(TIMEOUT).get(id);
        return cell == null ? 0 : cell.rows().stream().mapToLong(Rollup::captured).sum();
    }

    private List<String> pendingDays(ReadModelStores.Stores stores) {
        return stores.markers().pending().filter(day -> day.dealerId().equals(dealer)).map(DealerDay::day)
                .collectList().block(TIMEOUT);
    }
}
