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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
 * dealer-day recomputed is then shown to the {@link DealerDayObserver} before its marker goes. One per
 * generation of the read model ({@link com.dealerradar.analytics.generation.application.ReadModel}).
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
    private final Object flushing = new Object();
    private final Duration flushTimeout;
    /** Dealer-days recomputed together: small enough that one chunk always finishes within the timeout. */
    private final int flushChunk;

    /**
     * @param observer     told of every dealer-day recomputed, before its marker is cleared
     * @param flushTimeout a flush that takes longer is given up and its dealer-days stay pending for the
     *                     next one, so that one operation that never answers cannot stall the cells
     */
    public CellRefresher(Facts facts, Cells cells, CellIndex index, DirtyMarkers markers, DealerDayObserver observer,
            Duration flushTimeout, int flushChunk) {
        this.flushTimeout = flushTimeout;
        this.flushChunk = flushChunk;
        this.facts = facts;
        this.cells = cells;
        this.index = index;
        this.markers = markers;
        this.observer = observer;
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
        return !pending.get().isEmpty();
    }

    /**
     * Recomputes the cells above every pending dealer-day; completes with the number of cells written.
     * One flush at a time per instance, so that a flush that completes has seen every mark made before it.
     */
    public Mono<Long> flush() {
        return Mono.fromCallable(() -> {
            synchronized (flushing) {
                return flushPending().block();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Flushes what is pending now in chunks of dealer-days in day order (neighbouring days share their
     * month and year cells). Each chunk clears its own markers and has its own timeout, so a history
     * import of thousands of dealer-days makes progress chunk by chunk instead of timing out whole and
     * starting over; a chunk that fails puts itself and the chunks after it back.
     */
    private Mono<Long> flushPending() {
        List<DealerDay> taken = new ArrayList<>(pending.getAndSet(ConcurrentHashMap.newKeySet()));
        taken.sort(Comparator.comparing(DealerDay::day).thenComparing(DealerDay::dealerId));
        List<Set<DealerDay>> chunks = new ArrayList<>();
        for (int from = 0; from < taken.size(); from += flushChunk) {
            chunks.add(Set.copyOf(taken.subList(from, Math.min(taken.size(), from + flushChunk))));
        }
        AtomicInteger flushed = new AtomicInteger();
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> flushChunk(chunk).doOnSuccess(written -> flushed.incrementAndGet()))
                .reduce(0L, Long::sum)
                .onErrorResume(e -> {
                    chunks.subList(flushed.get(), chunks.size()).forEach(pending.get()::addAll);
                    return Mono.error(e);
                });
    }

    private Mono<Long> flushChunk(Set<DealerDay> chunk) {
        return markers.counts(chunk)
                .flatMap(counts -> recompute(chunk)
                        .flatMap(written -> Flux.fromIterable(chunk).flatMap(observer::recomputed, CONCURRENCY).then(Mono.just(written)))
                        .flatMap(written -> Flux.fromIterable(counts.entrySet())
                                .concatMap(marker -> markers.clear(marker.getKey(), marker.getValue()))
                                .then(Mono.just(written))))
                .timeout(flushTimeout);
    }

    private Mono<Long> recompute(Set<DealerDay> days) {
        Map<String, DealerDay> dealerMonths = distinct(days, d -> new DealerDay(d.dealerId(), d.region(), Periods.monthOf(d.day())));
        Map<String, DealerDay> dealerYears = distinct(dealerMonths.values(),
                d -> new DealerDay(d.dealerId(), d.region(), Periods.yearOf(d.day())));
        Set<String> regionPeriods = new TreeSet<>();
        Set<String> groupPeriods = new TreeSet<>();
        for (DealerDay d : days) {
            for (String period : List.of(d.day(), Periods.monthOf(d.day()), Periods.yearOf(d.day()))) {
                regionPeriods.add(d.region() + "\u001f" + period);
                groupPeriods.add(period);
            }
        }
        String first = days.stream().map(DealerDay::day).min(String::compareTo).orElseThrow();
        String last = days.stream().map(DealerDay::day).max(String::compareTo).orElseThrow();
        return Flux.fromIterable(days).flatMap(this::fileDealer, CONCURRENCY).then(index.widen(first, last))
                .then(Flux.fromIterable(days).flatMap(this::recomputeDay, CONCURRENCY).reduce(0L, Long::sum))
                .flatMap(n -> Flux.fromIterable(dealerMonths.values())
                        .flatMap(m -> recomputeParent(m.day(), CellScope.dealer(m.dealerId()),
                                Mono.just(Periods.inside(m.day()).stream().map(p -> new Target(p, CellScope.dealer(m.dealerId()))).toList())),
                                CONCURRENCY)
                        .reduce(n, Long::sum))
                .flatMap(n -> Flux.fromIterable(dealerYears.values())
                        .flatMap(y -> recomputeParent(y.day(), CellScope.dealer(y.dealerId()),
                                Mono.just(Periods.inside(y.day()).stream().map(p -> new Target(p, CellScope.dealer(y.dealerId()))).toList())),
                                CONCURRENCY)
                        .reduce(n, Long::sum))
                .flatMap(n -> Flux.fromIterable(regionPeriods)
                        .flatMap(rp -> {
                            String[] parts = rp.split("\u001f", 2);
                            return recomputeParent(parts[1], CellScope.region(parts[0]), index.dealersIn(parts[0])
                                    .map(dealers -> dealers.stream().map(dealer -> new Target(parts[1], CellScope.dealer(dealer))).toList()));
                        }, CONCURRENCY)
                        .reduce(n, Long::sum))
                .flatMap(n -> Flux.fromIterable(groupPeriods)
                        .flatMap(period -> recomputeParent(period, CellScope.GROUP, index.regions()
                                .map(regions -> regions.stream().map(region -> new Target(period, CellScope.region(region))).toList())),
                                CONCURRENCY)
                        .reduce(n, Long::sum));
    }

    private record Target(String period, CellScope scope) {}

    private static Map<String, DealerDay> distinct(Collection<DealerDay> days, Function<DealerDay, DealerDay> parent) {
        Map<String, DealerDay> parents = new LinkedHashMap<>();
        days.forEach(d -> {
            DealerDay p = parent.apply(d);
            parents.putIfAbsent(p.id(), p);
        });
        return parents;
    }

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
        return cells.read(ids).flatMap(current -> children.read().flatMap(rowsByView -> {
                    List<Cell> written = new ArrayList<>();
                    for (CellView view : VIEWS) {
                        Cell before = current.getOrDefault(view.cellId(period, scope), Cell.absent(view, period, scope));
                        List<Rollup> rows = CellCalculator.rows(view, period, scope, rowsByView.get(view));
                        if (!rows.isEmpty() || before.version() != 0) {
                            written.add(before.withRows(rows));
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
