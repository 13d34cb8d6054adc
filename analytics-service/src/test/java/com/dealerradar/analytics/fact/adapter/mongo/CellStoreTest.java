package com.dealerradar.analytics.fact.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellCalculator;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import com.dealerradar.testkit.EmbeddedMongo;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The cells through the store the local stack runs (the file store, over the wire). */
class CellStoreTest {

    @TempDir
    Path dir;
    private EmbeddedMongo store;
    private MongoClient client;
    private CellStore cells;

    @BeforeEach
    void store() {
        store = EmbeddedMongo.file(dir.resolve("store.mv.db"), 0);
        client = MongoClients.create(store.connectionString());
        cells = new CellStore(new ReactiveMongoTemplate(client, "radar_analytics"),
                new GenerationCollections(GenerationCollections.FIRST));
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    /** What lets a cache keep the cells it writes instead of fetching them again ({@code CachedCells}). */
    @Test
    void aCellAsStoredIsWhatAReadAnswersForEveryViewAndScope() {
        List<Rollup> groups = RandomMonth.groups(2_000);
        List<Cell> written = new ArrayList<>();
        for (CellScope scope : List.of(CellScope.dealer("D1"), CellScope.region("Chifeng"), CellScope.GROUP)) {
            for (CellView view : CellView.values()) {
                written.add(Cell.of(view, RandomMonth.MONTH, scope, 0, CellCalculator.rows(view, RandomMonth.MONTH, scope, groups)));
            }
        }
        assertThat(cells.replaceAll(written).block()).isTrue();

        Map<String, Cell> read = cells.read(written.stream().map(Cell::id).toList()).block();

        assertThat(read).hasSize(written.size());
        for (Cell cell : written) {
            assertThat(read.get(cell.id())).as(cell.id()).isEqualTo(cells.asStored(cell));
            assertThat(read.get(cell.id()).version()).isEqualTo(1);
        }
    }

    @Test
    void aStaleWriteIsRefusedAndLeavesTheStoredCell() {
        List<Rollup> groups = RandomMonth.groups(100);
        Cell first = Cell.of(CellView.CHANNEL, RandomMonth.MONTH, CellScope.dealer("D1"), 0,
                CellCalculator.rows(CellView.CHANNEL, RandomMonth.MONTH, CellScope.dealer("D1"), groups));
        Cell stale = Cell.of(CellView.CHANNEL, RandomMonth.MONTH, CellScope.dealer("D1"), 0, List.of());

        assertThat(cells.replaceAll(List.of(first)).block()).isTrue();
        assertThat(cells.replaceAll(List.of(stale)).block()).isFalse();

        assertThat(cells.read(List.of(first.id())).block().get(first.id())).isEqualTo(cells.asStored(first));
    }
}
