package com.dealerradar.analytics.bench;

import com.dealerradar.analytics.fact.application.CellRefresher;
import com.dealerradar.analytics.fact.application.FlushBatching;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.generation.application.ReadModelStores;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.wave.application.WaveIntake;
import com.dealerradar.testkit.RadarInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Flux;

/**
 * What a history import's flush costs with the cells above its dealer-days recomputed once per round of
 * chunks against once per chunk (rounds of one chunk), alternated on the same data in one run. The leads are
 * applied through the consumer's intake with the flush loop held off, so that their dealer-days are all
 * pending at once, as after an import; each trial marks every one of them dirty again and flushes them with
 * one of the two refreshers, which recompute the same cells from the same facts.
 */
@SpringBootTest(properties = {"radar.analytics.flush-interval=1h", "radar.analytics.flush-timeout=30m"})
@RadarInfrastructure
class FlushRoundsBenchmark {

    private static final int CHUNK = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Autowired
    ReadModels readModels;
    @Autowired
    ReadModelStores readModelStores;

    @Test
    void aRoundOfChunksAgainstAChunkAtATime() {
        int leads = Integer.getInteger("bench.leads", 5_000);
        int trials = Integer.getInteger("bench.trials", 3);
        LeadEventGenerator.registerDealers(readModels);
        new LeadEventGenerator("F").applyAll(readModels, leads, TIMEOUT);

        ReadModelStores.Stores stores = readModelStores.open(readModels.active().generation());
        List<DealerDay> days = stores.markers().pending().collectList().block(TIMEOUT);
        Map<String, CellRefresher> refreshers = new LinkedHashMap<>();
        refreshers.put("a recompute above every chunk (rounds of 1)", refresher(stores, 1));
        refreshers.put("a recompute above every round of 20 chunks", refresher(stores, 20));
        CellRefresher first = refreshers.get("a recompute above every round of 20 chunks");
        markAgain(first, stores, days);
        System.out.printf("BENCH flush of %,d dealer-days (%,d leads), chunks of %d; the cells written first, untimed: %,d%n",
                days.size(), leads, CHUNK, first.flush().block(TIMEOUT));

        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        refreshers.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(refreshers.keySet());
        for (int trial = 0; trial < trials; trial++) {
            for (String name : order) {
                CellRefresher refresher = refreshers.get(name);
                markAgain(refresher, stores, days);
                long started = System.nanoTime();
                long written = refresher.flush().block(TIMEOUT);
                double s = (System.nanoTime() - started) / 1e9;
                seconds.get(name).add(s);
                System.out.printf("BENCH   trial %d  %-46s %8.1f s  %,9d cell writes%n", trial + 1, name, s, written);
            }
            Collections.reverse(order);
        }
        seconds.forEach((name, times) -> System.out.printf("BENCH median %-46s %8.1f s%n", name,
                times.stream().sorted().toList().get(times.size() / 2)));
    }

    private static CellRefresher refresher(ReadModelStores.Stores stores, int chunksPerRound) {
        return new CellRefresher(stores.facts(), stores.cells(), stores.index(), stores.markers(),
                new WaveIntake(stores.index(), stores.inquiryFacts(), stores.inquiryDays()),
                new FlushBatching(CHUNK, chunksPerRound, TIMEOUT));
    }

    /** Marks every dealer-day dirty again, as the import's events did, and hands them to {@code refresher}. */
    private static void markAgain(CellRefresher refresher, ReadModelStores.Stores stores, List<DealerDay> days) {
        Flux.fromIterable(days).concatMap(stores.markers()::mark).then().block(TIMEOUT);
        refresher.adoptMarkers().block(TIMEOUT);
    }
}
