package com.dealerradar.analytics.fact.domain;

import java.util.List;

/**
 * What a dashboard cell breaks its leads down by: each query reads the one view that has the rows it
 * shows. Rows are keyed by the view's fields; a cell of a dealer or a region also names its region in
 * every row (the regional comparisons read region cells). Only the views that need them keep
 * response histograms, loss details or the evidence of missed prospects.
 */
public enum CellView {
    TOTAL(List.of()),
    DEALER(List.of("dealerId")),
    REGION(List.of("region")),
    CHANNEL(List.of("channel")),
    CONSULTANT(List.of("consultant")),
    MODEL(List.of("model")),
    INDUSTRY(List.of("industry")),
    INDUSTRY_MODEL(List.of("industry", "model"));

    /** The consultants a dealer's cell names one by one; the rest are counted under {@link Rollup#OTHER}. */
    public static final int CONSULTANTS_PER_DEALER = 20;
    /** The rows any other cell keeps, largest traffic first; the rest are counted under {@link Rollup#OTHER}. */
    public static final int MAX_ROWS = 200;

    private final List<String> fields;

    CellView(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }

    /** The row of this view a lead (or row) of group {@code key} counts in. */
    public String rowKey(GroupKey key) {
        StringBuilder row = new StringBuilder();
        for (String field : fields) {
            Object value = key.asMap().get(field);
            row.append(value == null ? "" : value).append('\u001f');
        }
        return row.toString();
    }

    /** The key of that row in a cell of {@code period} and {@code scope}: the view's fields, and the region where the cell names it. */
    public GroupKey project(GroupKey key, String period, CellScope scope) {
        boolean region = fields.contains("region") || this == DEALER || scope.level() != CellScope.Level.GROUP;
        return new GroupKey(period,
                fields.contains("dealerId") ? key.dealerId() : null,
                region ? key.region() : null,
                fields.contains("channel") ? key.channel() : null,
                fields.contains("industry") ? key.industry() : null,
                fields.contains("model") ? key.model() : null,
                fields.contains("consultant") ? key.consultant() : null);
    }

    /** The row that counts whatever the cap leaves out. */
    public GroupKey otherRow(String period, String region) {
        return new GroupKey(period,
                fields.contains("dealerId") ? Rollup.OTHER : null, fields.contains("region") ? Rollup.OTHER : region,
                fields.contains("channel") ? Rollup.OTHER : null, fields.contains("industry") ? Rollup.OTHER : null,
                fields.contains("model") ? Rollup.OTHER : null, fields.contains("consultant") ? Rollup.OTHER : null);
    }

    public boolean keepsResponses() {
        return this == DEALER || this == CHANNEL || this == CONSULTANT;
    }

    public boolean keepsLosses() {
        return this == TOTAL;
    }

    /** Missed prospects read the product views of regions (and dealers); the group's cells need no evidence. */
    public boolean keepsEvidence(CellScope scope) {
        return (this == MODEL || this == INDUSTRY || this == INDUSTRY_MODEL) && scope.level() != CellScope.Level.GROUP;
    }

    public int maxRows(CellScope scope) {
        return this == CONSULTANT && scope.level() == CellScope.Level.DEALER ? CONSULTANTS_PER_DEALER : MAX_ROWS;
    }

    public String cellId(String period, CellScope scope) {
        return name() + "|" + period + "|" + scope.id();
    }
}
