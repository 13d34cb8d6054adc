package com.dealerradar.analytics.fact.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupSum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CachedCellsTest {

    private final CountingCells store = new CountingCells();

    @Test
    void aCellReadAgainAtTheSameVersionIsNotFetchedAgain() {
        CachedCells cells = new CachedCells(store, 1_000);
        List<String> days = IntStream.rangeClosed(1, 30).mapToObj(d -> write(String.format("2026-11-%02d", d), 1)).toList();

        assertThat(cells.read(days).block()).hasSize(30);
        assertThat(cells.read(days).block()).hasSize(30);

        assertThat(store.fetched).hasSize(30);
    }

    @Test
    void aCellAnotherInstanceWroteSinceIsFetchedAgainAndOnlyThatOne() {
        CachedCells cells = new CachedCells(store, 1_000);
        String first = write("2026-11-01", 1);
        String second = write("2026-11-02", 1);
        cells.read(List.of(first, second)).block();
        store.fetched.clear();

        Cell before = store.cells.get(second);
        assertThat(store.replaceAll(List.of(Cell.of(CellView.TOTAL, "2026-11-02", CellScope.dealer("D1"), before.version(),
                rows("2026-11-02", 3)))).block()).isTrue();
        Map<String, Cell> read = cells.read(List.of(first, second)).block();

        assertThat(store.fetched).containsExactly(second);
        assertThat(read.get(second).version()).isEqualTo(before.version() + 1);
        assertThat(read.get(second).rows()).hasSize(3);
        assertThat(read.get(first).rows()).hasSize(1);
    }

    @Test
    void cellsThisInstanceWroteAreReadAsStoredWithoutFetchingThem() {
        CachedCells cells = new CachedCells(store, 1_000);
        Cell day = Cell.of(CellView.TOTAL, "2026-11-01", CellScope.dealer("D1"), 0, rows("2026-11-01", 2));
        Cell month = Cell.of(CellView.TOTAL, "2026-11", CellScope.dealer("D1"), 0, rows("2026-11", 1));

        assertThat(cells.replaceAll(List.of(day, month)).block()).isTrue();
        Map<String, Cell> read = cells.read(List.of(day.id(), month.id())).block();

        assertThat(store.fetched).isEmpty();
        assertThat(read).containsEntry(day.id(), store.cells.get(day.id())).containsEntry(month.id(), store.cells.get(month.id()));
    }

    @Test
    void ofAWriteThatLostAnyCellNoneIsKept() {
        CachedCells cells = new CachedCells(store, 1_000);
        String taken = write("2026-11-01", 1);
        Cell lost = Cell.of(CellView.TOTAL, "2026-11-01", CellScope.dealer("D1"), 0, rows("2026-11-01", 5));
        Cell written = Cell.of(CellView.TOTAL, "2026-11-02", CellScope.dealer("D1"), 0, rows("2026-11-02", 2));

        assertThat(cells.replaceAll(List.of(lost, written)).block()).isFalse();
        Map<String, Cell> read = cells.read(List.of(taken, written.id())).block();

        assertThat(store.fetched).containsExactlyInAnyOrder(taken, written.id());
        assertThat(read.get(taken).rows()).hasSize(1);
        assertThat(read.get(written.id()).rows()).hasSize(2);
    }

    @Test
    void cellsThatDoNotExistAreNotAnswered() {
        CachedCells cells = new CachedCells(store, 1_000);
        String day = write("2026-11-01", 1);

        assertThat(cells.read(List.of(day, "TOTAL|2026-11-02|D:D1")).block()).containsOnlyKeys(day);
    }

    @Test
    void moreCellsThanTheCacheHoldsAreAllAnsweredAndTheCacheStaysWithinItsRows() {
        CachedCells cells = new CachedCells(store, 10);
        List<String> days = IntStream.rangeClosed(1, 30).mapToObj(d -> write(String.format("2026-11-%02d", d), 4)).toList();

        for (int read = 0; read < 3; read++) {
            Map<String, Cell> answered = cells.read(days).block();
            assertThat(answered).hasSize(30);
            assertThat(answered.values()).allSatisfy(cell -> assertThat(cell.rows()).hasSize(4));
        }
        assertThat(cells.rowsHeld()).isLessThanOrEqualTo(10);
    }

    private String write(String day, int rows) {
        Cell cell = Cell.of(CellView.TOTAL, day, CellScope.dealer("D1"), 0, rows(day, rows));
        store.replaceAll(List.of(cell)).block();
        return cell.id();
    }

    private static List<Rollup> rows(String day, int count) {
        List<Rollup> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new RollupSum().toRollup(new GroupKey(day, "D1", "Chifeng", "CHANNEL-" + i, null, null, null), 0));
        }
        return rows;
    }

    /** Cells in a map, written at their version as the store does, counting the cells read in full. */
    private static final class CountingCells implements Cells {

        final Map<String, Cell> cells = new TreeMap<>();
        final List<String> fetched = new ArrayList<>();

        @Override
        public synchronized Mono<Map<String, Cell>> read(Collection<String> ids) {
            Map<String, Cell> found = new TreeMap<>();
            ids.stream().filter(cells::containsKey).forEach(id -> {
                found.put(id, cells.get(id));
                fetched.add(id);
            });
            return Mono.just(found);
        }

        @Override
        public synchronized Mono<Map<String, Long>> versions(Collection<String> ids) {
            Map<String, Long> versions = new TreeMap<>();
            ids.stream().filter(cells::containsKey).forEach(id -> versions.put(id, cells.get(id).version()));
            return Mono.just(versions);
        }

        @Override
        public synchronized Mono<Boolean> replaceAll(List<Cell> written) {
            boolean all = true;
            for (Cell cell : written) {
                Cell held = cells.get(cell.id());
                if ((held == null ? 0 : held.version()) != cell.version()) {
                    all = false;
                    continue;
                }
                cells.put(cell.id(), asStored(cell));
            }
            return Mono.just(all);
        }

        @Override
        public Cell asStored(Cell written) {
            return new Cell(written.id(), written.view(), written.period(), written.scope(), written.version() + 1,
                    written.rows());
        }
    }
}
