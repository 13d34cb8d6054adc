package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellCalculator;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.DealerDay;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.Periods;
import com.dealerradar.analytics.fact.domain.Rollup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the dashboard cells up to date, coalesced: an event only marks its dealer-day dirty (a
 * persisted marker, then this instance's pending set); {@link #flush()} recomputes every cell above
 * the pending dealer-days once, however many events touched them. Level by level, each cell is
 * recomputed from its children: a dealer's day from its facts, a month from its days, a year from
 * its months, a region from its dealers, the group from its regions. Each recompute reads the cell's
 * version first, then its children, and writes only at that version, retrying when another
 * instance came first: the last write is always computed from children at least as new. Each
 * dealer-day recomputed is then shown to the {@link DealerDayObserver}. Its marker goes once the regions'
 * and the group's cells above it are recomputed too. The flush loop ({@link #flushDealersFirst}) may leave
 * those for a moment while more dealer-days wait, so that a dealer's own numbers do not wait behind the
 * group's. One per generation of the read model
 * ({@link com.dealerradar.analytics.generation.application.ReadModel}).
 */
public class CellRefresher {

    private static final int CONCURRENCY = 4;
    private static final int ATTEMPTS = 50;
    private static final CellView[] VIEWS = CellView.values();

    private final Facts facts;
    private final Cells cells;
    private final CellIndex index;
    private final DirtyMarkers markers;
    private final DealerDayObserver observer;
    private final AtomicReference<Set<DealerDay>> pending = new AtomicReference<>(ConcurrentHashMap.newKeySet());
    private final Set<String> filedDealers = ConcurrentHashMap.newKeySet();
    /** The regions' and group's cells above dealer-days whose dealers' cells are done: recomputed by {@link #flushUpper}. */
    private final Set<Target> upperPending = ConcurrentHashMap.newKeySet();
    /** The markers of those dealer-days, with the count each had when its day was recomputed; changed only by the flush that holds {@link #flushing}. */
    private final Map<String, Long> clearsPending = new ConcurrentHashMap<>();
    private volatile long upperFlushedAt = System.nanoTime();
    private final Object flushing = new Object();
    private final FlushBatching batching;

    /**
     * @param observer told of every dealer-day recomputed, before its marker is cleared
     * @param batching a chunk that takes longer than its timeout is given up and its dealer-days stay pending
     *                 for the next flush, so that one operation that never answers cannot stall the cells
     */
    public CellRefresher(Facts facts, Cells cells, CellIndex index, DirtyMarkers markers, DealerDayObserver observer,
            FlushBatching batching) {
        this.facts = facts;
        this.cells = cells;
        this.index = index;
        this.markers = markers;
        this.observer = observer;
        this.batching = batching;
    }

    /** Marks the dealer-day of {@code group} dirty; completes once the mark is persisted. */
    public Mono<Void> mark(GroupKey group) {
        DealerDay day = DealerDay.of(group);
        if (pending.get().contains(day)) {
            return Mono.empty();
        }
        // Into the set pending when the mark is persisted: the one read above may have been taken by a flush since.
        return markers.mark(day).then(Mono.fromRunnable(() -> pending.get().add(day)));
    }

    /** Takes up the dirty dealer-days that markers name (left by a stopped instance, or marked by another). */
    public Mono<Long> adoptMarkers() {
        return markers.pending().filter(day -> pending.get().add(day)).count();
    }

    public boolean hasPending() {
        return !pending.get().isEmpty() || !upperPending.isEmpty();
    }

    /** The dealer-days and the regions' and group's cells waiting for a flush. */
    public int pendingWork() {
        return pending.get().size() + upperPending.size();
    }

    /**
     * Recomputes the cells above every pending dealer-day, every level; completes with the number of cells
     * written. One flush at a time per instance, so that a flush that completes has seen every mark made before it.
     */
    public Mono<Long> flush() {
        return locked(() -> flushPending(true).flatMap(written -> flushUpper().map(upper -> written + upper)));
    }

    /**
     * The flush loop's: the dealers' cells above every pending dealer-day, then the regions' and the group's,
     * unless dealer-days are pending again by then and those were recomputed less than {@code upperEvery} ago.
     * Under steady load a flush of the group's cells takes longer than one of a few dealers', and a lead
     * that arrives meanwhile would wait for both; this way its dealer's numbers wait for at most one round
     * of the regions and group, which are recomputed at least every {@code upperEvery}, coalesced.
     */
    public Mono<Long> flushDealersFirst(Duration upperEvery) {
        return locked(() -> flushPending(false).flatMap(written -> pending.get().isEmpty()
                || System.nanoTime() - upperFlushedAt >= upperEvery.toNanos()
                ? flushUpper().map(upper -> written + upper) : Mono.just(written)));
    }

    private Mono<Long> locked(Supplier<Mono<Long>> flush) {
        return Mono.fromCallable(() -> {
            synchronized (flushing) {
                return flush.get().block();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Flushes what is pending now in rounds of dealer-days in day order (neighbouring days share their
     * month and year cells). A round recomputes its dealer-days chunk by chunk, then each dealer's cell above
     * them once, level by level, and with {@code upper} the regions' and group's cells and the markers. Every
     * chunk of recomputes has its own timeout and every round keeps its own progress, so a history import of
     * thousands of dealer-days gets through round by round instead of timing out whole and starting over, and
     * a year or a region cell is recomputed once a round, not once for every chunk of its days. A round that
     * fails puts itself and the rounds after it back.
     */
    private Mono<Long> flushPending(boolean upper) {
        List<DealerDay> taken = new ArrayList<>(pending.getAndSet(ConcurrentHashMap.newKeySet()));
        taken.sort(Comparator.comparing(DealerDay::day).thenComparing(DealerDay::dealerId));
        List<List<DealerDay>> rounds = partition(taken, batching.round());
        AtomicInteger flushed = new AtomicInteger();
        return Flux.fromIterable(rounds)
                .concatMap(round -> flushRound(round, upper).doOnSuccess(written -> flushed.incrementAndGet()))
                .reduce(0L, Long::sum)
                .onErrorResume(e -> {
                    rounds.subList(flushed.get(), rounds.size()).forEach(pending.get()::addAll);
                    return Mono.error(e);
                });
    }

    private Mono<Long> flushRound(List<DealerDay> round, boolean upper) {
        return markers.counts(round).flatMap(counts -> inChunks(round, this::recomputeDays)
                .flatMap(days -> Flux.fromIterable(dealerLevels(round))
                        .concatMap(level -> inChunks(level, this::recomputeParents))
                        .reduce(days, Long::sum))
                .flatMap(written -> Flux.fromIterable(round).flatMap(observer::recomputed, CONCURRENCY)
                        .then(Mono.fromRunnable(() -> {
                            upperPending.addAll(upperTargets(round));
                            clearsPending.putAll(counts);
                        }))
                        .then(upper ? flushUpper() : Mono.just(0L))
                        .map(above -> written + above)));
    }

    /**
     * The regions' and the group's cells waiting when it is subscribed to, regions first, then the markers
     * of the dealer-days below them; what fails stays waiting for the next flush.
     */
    private Mono<Long> flushUpper() {
        return Mono.defer(() -> {
            List<Target> targets = List.copyOf(upperPending);
            upperPending.removeAll(targets);
            Map<String, Long> clears = new LinkedHashMap<>(clearsPending);
            clearsPending.clear();
            List<Target> regions = targets.stream().filter(t -> t.scope().level() == CellScope.Level.REGION).toList();
            List<Target> group = targets.stream().filter(t -> t.scope().level() == CellScope.Level.GROUP).toList();
            return Flux.just(regions, group).concatMap(level -> inChunks(level, this::recomputeParents))
                    .reduce(0L, Long::sum)
                    .flatMap(written -> Flux.fromIterable(clears.entrySet())
                            .concatMap(marker -> markers.clear(marker.getKey(), marker.getValue()))
                            .then(Mono.just(written)))
                    .doOnSuccess(written -> upperFlushedAt = System.nanoTime())
                    .onErrorResume(e -> {
                        upperPending.addAll(targets);
                        clears.forEach(clearsPending::putIfAbsent);
                        return Mono.error(e);
                    });
        });
    }

    private <T> Mono<Long> inChunks(List<T> items, Function<List<T>, Mono<Long>> recompute) {
        return Flux.fromIterable(partition(items, batching.chunk()))
                .concatMap(chunk -> recompute.apply(chunk).timeout(batching.chunkTimeout()))
                .reduce(0L, Long::sum);
    }

    private static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }

    private Mono<Long> recomputeDays(List<DealerDay> days) {
        String first = days.stream().map(DealerDay::day).min(String::compareTo).orElseThrow();
        String last = days.stream().map(DealerDay::day).max(String::compareTo).orElseThrow();
        return Flux.fromIterable(days).flatMap(this::fileDealer, CONCURRENCY).then(index.widen(first, last))
                .then(Flux.fromIterable(days).flatMap(this::recomputeDay, CONCURRENCY).reduce(0L, Long::sum));
    }

    /** The dealers' cells above {@code days}, a list per level, each recomputed from the one before: months, then years. */
    private static List<List<Target>> dealerLevels(List<DealerDay> days) {
        Set<Target> dealerMonths = new LinkedHashSet<>();
        Set<Target> dealerYears = new LinkedHashSet<>();
        for (DealerDay d : days) {
            CellScope dealer = CellScope.dealer(d.dealerId());
            dealerMonths.add(new Target(Periods.monthOf(d.day()), dealer));
            dealerYears.add(new Target(Periods.yearOf(d.day()), dealer));
        }
        return List.of(List.copyOf(dealerMonths), List.copyOf(dealerYears));
    }

    /** The regions' and the group's days, months and years above {@code days}. */
    private static Set<Target> upperTargets(List<DealerDay> days) {
        Set<Target> targets = new LinkedHashSet<>();
        for (DealerDay d : days) {
            for (String period : List.of(d.day(), Periods.monthOf(d.day()), Periods.yearOf(d.day()))) {
                targets.add(new Target(period, CellScope.region(d.region())));
                targets.add(new Target(period, CellScope.GROUP));
            }
        }
        return targets;
    }

    private Mono<Long> recomputeParents(List<Target> parents) {
        return Flux.fromIterable(parents)
                .flatMap(parent -> recomputeParent(parent.period(), parent.scope(), childrenOf(parent)), CONCURRENCY)
                .reduce(0L, Long::sum);
    }

    /** A dealer's month from its days and year from its months; a region from its dealers; the group from its regions. */
    private Mono<List<Target>> childrenOf(Target parent) {
        return switch (parent.scope().level()) {
            case DEALER -> Mono.just(Periods.inside(parent.period()).stream()
                    .map(period -> new Target(period, parent.scope())).toList());
            case REGION -> index.dealersIn(parent.scope().name()).map(dealers -> dealers.stream()
                    .map(dealer -> new Target(parent.period(), CellScope.dealer(dealer))).toList());
            case GROUP -> index.regions().map(regions -> regions.stream()
                    .map(region -> new Target(parent.period(), CellScope.region(region))).toList());
        };
    }

    private record Target(String period, CellScope scope) {}

    private Mono<Void> fileDealer(DealerDay day) {
        String key = day.region() + "\u001f" + day.dealerId();
        if (filedDealers.contains(key)) {
            return Mono.empty();
        }
        return index.addDealer(day.region(), day.dealerId()).then(Mono.fromRunnable(() -> filedDealers.add(key)));
    }

    /** A dealer's day, every view, from the day's facts. */
    private Mono<Long> recomputeDay(DealerDay day) {
        return recompute(day.day(), CellScope.dealer(day.dealerId()), () -> index.leadsOf(day.dealerId(), day.day())
                .flatMapMany(facts::filed)
                .collect(Collectors.groupingBy(Facts.Filed::group, LinkedHashMap::new,
                        Collectors.mapping(Facts.Filed::fact, Collectors.toList())))
                .map(CellCalculator::groups)
                .map(groups -> {
                    Map<CellView, List<Rollup>> children = new LinkedHashMap<>();
                    for (CellView view : VIEWS) {
                        children.put(view, groups);
                    }
                    return children;
                }), ATTEMPTS);
    }

    /** A cell of every view from the same view's cells of {@code children}. */
    private Mono<Long> recomputeParent(String period, CellScope scope, Mono<List<Target>> children) {
        return recompute(period, scope, () -> children.flatMap(targets -> {
            List<String> ids = new ArrayList<>();
            for (CellView view : VIEWS) {
                targets.forEach(t -> ids.add(view.cellId(t.period(), t.scope())));
            }
            return cells.read(ids);
        }).map(read -> {
            Map<CellView, List<Rollup>> rows = new LinkedHashMap<>();
            for (CellView view : VIEWS) {
                rows.put(view, new ArrayList<>());
            }
            read.values().forEach(cell -> rows.get(cell.view()).addAll(cell.rows()));
            return rows;
        }), ATTEMPTS);
    }

    private interface Children {
        Mono<Map<CellView, List<Rollup>>> read();
    }

    /** Reads the cells' versions, then the children, computes and writes at those versions; again for any that lost. */
    private Mono<Long> recompute(String period, CellScope scope, Children children, int attempts) {
        List<String> ids = new ArrayList<>();
        for (CellView view : VIEWS) {
            ids.add(view.cellId(period, scope));
        }
        return cells.versions(ids).flatMap(versions -> children.read().flatMap(rowsByView -> {
                    List<Cell> written = new ArrayList<>();
                    for (CellView view : VIEWS) {
                        long version = versions.getOrDefault(view.cellId(period, scope), 0L);
                        List<Rollup> rows = CellCalculator.rows(view, period, scope, rowsByView.get(view));
                        if (!rows.isEmpty() || version != 0) {
                            written.add(Cell.of(view, period, scope, version, rows));
                        }
                    }
                    return cells.replaceAll(written);
                }))
                .flatMap(allWritten -> {
                    if (allWritten) {
                        return Mono.just((long) VIEWS.length);
                    }
                    return attempts > 1 ? recompute(period, scope, children, attempts - 1)
                            : Mono.error(new IllegalStateException("cells of " + period + " " + scope.id() + " kept changing"));
                });
    }
}
