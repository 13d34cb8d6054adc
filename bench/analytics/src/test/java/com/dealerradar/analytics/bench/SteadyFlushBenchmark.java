package com.dealerradar.analytics.bench;

import com.dealerradar.analytics.fact.application.CachedCells;
import com.dealerradar.analytics.fact.application.CellRefresher;
import com.dealerradar.analytics.fact.application.Cells;
import com.dealerradar.analytics.fact.application.FlushBatching;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.generation.application.ReadModelStores;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.wave.application.WaveIntake;
import com.dealerradar.testkit.RadarInfrastructure;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Flux;

/**
 * What a live flush costs, the kind that decides analytics' lag under steady load: a few dealer-days of the
 * year's last month dirty, their cells and every cell above them recomputed (the dealers' months from their
 * days, years from months, regions, group). Read through {@link CachedCells} against straight from the store,
 * alternated on the same data in one run. A year of leads is loaded through the consumer's intake and flushed
 * first; each trial marks the same few dealer-days dirty again and times one flush with one of the two
 * refreshers, which recompute the same cells from the same facts.
 */
@SpringBootTest(properties = {"radar.analytics.flush-interval=1h", "radar.analytics.flush-timeout=30m"})
@RadarInfrastructure
class SteadyFlushBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Autowired
    ReadModels readModels;
    @Autowired
    ReadModelStores readModelStores;

    @Test
    void aLiveFlushThroughTheCellCacheAgainstStraightFromTheStore() {
        int leads = Integer.getInteger("bench.leads", 20_000);
        int dirty = Integer.getInteger("bench.dirtyDays", 3);
        int trials = Integer.getInteger("bench.trials", 15);
        LeadEventGenerator.registerDealers(readModels);
        new LeadEventGenerator("S").applyAll(readModels, leads, TIMEOUT);
        ReadModelStores.Stores stores = readModelStores.open(readModels.active().generation());
        long loaded = readModels.active().flushAll(TIMEOUT);
        List<DealerDay> lastMonth = stores.index().extent().block(TIMEOUT)
                .map(extent -> dealerDaysOf(stores, YearMonth.from(extent.last()))).orElseThrow();
        System.out.printf("BENCH %,d leads loaded and flushed (%,d cell writes); %,d dealer-days in the last month%n",
                leads, loaded, lastMonth.size());

        Map<String, CellRefresher> refreshers = new LinkedHashMap<>();
        refreshers.put("straight from the store", refresher(stores, stores.cells()));
        refreshers.put("through the cell cache (50,000 rows)", refresher(stores, new CachedCells(stores.cells(), 50_000)));
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        refreshers.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(refreshers.keySet());
        Random random = new Random(20261201L);
        for (int trial = -1; trial < trials; trial++) {
            List<DealerDay> days = pick(lastMonth, dirty, random);
            for (String name : order) {
                CellRefresher refresher = refreshers.get(name);
                markAgain(refresher, stores, days);
                long started = System.nanoTime();
                refresher.flush().block(TIMEOUT);
                if (trial >= 0) {
                    millis.get(name).add((System.nanoTime() - started) / 1e6);
                }
            }
            Collections.reverse(order);
        }
        millis.forEach((name, times) -> {
            List<Double> sorted = times.stream().sorted().toList();
            System.out.printf("BENCH flush of %d dealer-days %-40s median %8.1f ms  max %8.1f ms  (%d trials)%n", dirty,
                    name, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
        });
    }

    /** The month's dealer-days that have leads: every dealer's, on every day the generator gave it leads. */
    private static List<DealerDay> dealerDaysOf(ReadModelStores.Stores stores, YearMonth month) {
        List<DealerDay> days = new ArrayList<>();
        for (String region : stores.index().regions().block(TIMEOUT)) {
            for (String dealer : stores.index().dealersIn(region).block(TIMEOUT)) {
                for (int d = 1; d <= month.lengthOfMonth(); d++) {
                    String day = month.atDay(d).toString();
                    if (!stores.index().leadsOf(dealer, day).block(TIMEOUT).isEmpty()) {
                        days.add(new DealerDay(dealer, region, day));
                    }
                }
            }
        }
        return days;
    }

    private static List<DealerDay> pick(List<DealerDay> days, int count, Random random) {
        List<DealerDay> shuffled = new ArrayList<>(days);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, count);
    }

    private static CellRefresher refresher(ReadModelStores.Stores stores, Cells cells) {
        return new CellRefresher(stores.facts(), cells, stores.index(), stores.markers(),
                new WaveIntake(stores.index(), stores.inquiryFacts(), stores.inquiryDays()),
                new FlushBatching(100, 20, TIMEOUT));
    }

    private static void markAgain(CellRefresher refresher, ReadModelStores.Stores stores, List<DealerDay> days) {
        Flux.fromIterable(days).concatMap(stores.markers()::mark).then().block(TIMEOUT);
        refresher.adoptMarkers().block(TIMEOUT);
    }
}
