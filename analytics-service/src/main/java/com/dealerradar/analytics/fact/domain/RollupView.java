package com.dealerradar.analytics.fact.domain;

import java.util.List;
import java.util.stream.Stream;

/**
 * The grains rollups are kept at. Each query reads the coarsest view that has the dimensions it
 * needs, so that its cost follows the number of groups of that view: the dealer-day view stops
 * growing once every dealer has leads every day, whatever the number of leads; the finer views grow
 * only with the combinations that actually occur.
 */
public enum RollupView {
    DEALER(List.of()),
    CHANNEL(List.of("channel")),
    CONSULTANT(List.of("consultant")),
    PRODUCT(List.of("industry", "model"));

    static final int OPEN_LEADS_PER_GROUP = 5;

    private final List<String> fields;

    RollupView(List<String> extra) {
        this.fields = Stream.concat(Stream.of("day", "dealerId", "region"), extra.stream()).toList();
    }

    /** The group fields this view keeps, the day and dealer first. */
    public List<String> fields() {
        return fields;
    }

    /** The group of this view a lead of group {@code key} belongs to; the other fields are null. */
    public GroupKey project(GroupKey key) {
        return new GroupKey(key.day(), key.dealerId(), key.region(),
                fields.contains("channel") ? key.channel() : null,
                fields.contains("industry") ? key.industry() : null,
                fields.contains("model") ? key.model() : null,
                fields.contains("consultant") ? key.consultant() : null);
    }

    /** How many open leads a group of this view names: only the product view, which missed prospects read. */
    public int openLeadsKept() {
        return this == PRODUCT ? OPEN_LEADS_PER_GROUP : 0;
    }

    public String idOf(GroupKey projected) {
        return name() + "|" + projected.id();
    }
}
