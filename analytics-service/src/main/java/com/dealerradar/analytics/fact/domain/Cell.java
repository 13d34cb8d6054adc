package com.dealerradar.analytics.fact.domain;

import java.util.List;

/**
 * One dashboard cell: the rows of a view for one period and scope, with the version its last write
 * gave it (0 when it does not exist yet). A write replaces the cell only at the version it read.
 */
public record Cell(String id, CellView view, String period, CellScope scope, long version, List<Rollup> rows) {

    public Cell {
        rows = List.copyOf(rows);
    }

    /** The cell at {@code version} (0: not written yet) holding {@code rows}. */
    public static Cell of(CellView view, String period, CellScope scope, long version, List<Rollup> rows) {
        return new Cell(view.cellId(period, scope), view, period, scope, version, rows);
    }
}
