package com.dealerradar.analytics.fact.application;

import com.dealerradar.analytics.fact.domain.Cell;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The dashboard cells, each read by its id; written only at the version that was read, so that of two
 * instances recomputing one cell the one that read older children cannot overwrite the other.
 */
public interface Cells {

    /** The cells of the given ids that exist, by id. */
    Mono<Map<String, Cell>> read(Collection<String> ids);

    /**
     * The versions of the cells of the given ids that exist, by id: what a recompute needs of the cells it
     * replaces, without moving their rows.
     */
    Mono<Map<String, Long>> versions(Collection<String> ids);

    /**
     * Writes each cell that is still at the version it was read at, all in one request; false when another
     * write came first for any of them (the others are written all the same).
     */
    Mono<Boolean> replaceAll(List<Cell> cells);

    /**
     * What a read answers once {@code written} is stored: the next version, each row as the store keeps it (only
     * what the cell's view needs).
     */
    Cell asStored(Cell written);
}
