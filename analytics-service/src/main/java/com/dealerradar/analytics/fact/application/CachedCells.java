package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.Cell;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The cells, with the ones this instance read lately kept decoded, at most {@code maxRows} rows in all. A
 * recompute reads every child of its cell (a dealer's month reads its 31 days in every view), though most of
 * them have not changed since the last flush. So a read asks the store for the versions first and fetches in
 * full only the cells whose version the cache does not hold. A cell at a version is one document, whichever
 * instance wrote it (every write is conditional on the version before), so a cell cached at the version the
 * store names is the stored one. A cell this instance wrote is kept as the store keeps it ({@link Cells#asStored}:
 * of each row only what its view needs), so that the recompute above it, which comes next, fetches none of the
 * cells just written: a region's year reads its dealers' years, written a moment before by the same flush.
 */
public class CachedCells implements Cells {

    private final Cells store;
    private final Cache<String, Cell> cache;

    public CachedCells(Cells store, long maxRows) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumWeight(maxRows)
                .weigher((String id, Cell cell) -> 1 + cell.rows().size()).build();
    }

    @Override
    public Mono<Map<String, Cell>> read(Collection<String> ids) {
        return store.versions(ids).flatMap(versions -> {
            Map<String, Cell> found = new HashMap<>();
            List<String> missing = new ArrayList<>();
            versions.forEach((id, version) -> {
                Cell cached = cache.getIfPresent(id);
                if (cached != null && cached.version() == version) {
                    found.put(id, cached);
                } else {
                    missing.add(id);
                }
            });
            if (missing.isEmpty()) {
                return Mono.just(found);
            }
            return store.read(missing).map(fetched -> {
                fetched.values().forEach(this::remember);
                found.putAll(fetched);
                return found;
            });
        });
    }

    @Override
    public Mono<Map<String, Long>> versions(Collection<String> ids) {
        return store.versions(ids);
    }

    @Override
    public Mono<Boolean> replaceAll(List<Cell> cells) {
        // Only when every one was written: of a partial write the store does not say which cells it took.
        return store.replaceAll(cells).doOnNext(allWritten -> {
            if (allWritten) {
                cells.forEach(cell -> remember(store.asStored(cell)));
            }
        });
    }

    @Override
    public Cell asStored(Cell written) {
        return store.asStored(written);
    }

    /** The rows held now, counted as the bound counts them (a cell's rows and one for the cell). */
    long rowsHeld() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Keeps the newer of two versions of a cell (a slow read must not put an older one back). */
    private void remember(Cell cell) {
        cache.asMap().merge(cell.id(), cell, (held, offered) -> offered.version() > held.version() ? offered : held);
    }
}
