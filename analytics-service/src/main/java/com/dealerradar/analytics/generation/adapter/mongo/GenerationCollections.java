package com.dealerradar.analytics.generation.adapter.mongo;

import java.util.List;

/**
 * The collections of one generation of the read model: the base name, suffixed with the generation's
 * id ({@code lead_facts_g1a2b3c4d}). The first generation, built before rebuilds made generations, keeps
 * the plain names, so a store written by an older version is read as it is.
 */
public record GenerationCollections(String generation) {

    public static final String FIRST = "";

    public static final String DEALERS = "dealers";
    public static final String FACTS = "lead_facts";
    public static final String CELLS = "analytics_cells";
    public static final String DAY_LEADS = "analytics_day_leads";
    public static final String SCOPES = "analytics_scopes";
    public static final String DIRTY = "analytics_dirty";
    public static final String INQUIRY_DAYS = "analytics_inquiry_days";
    public static final String INQUIRY_INDUSTRIES = "analytics_inquiry_industries";

    static final List<String> BASES = List.of(DEALERS, FACTS, CELLS, DAY_LEADS, SCOPES, DIRTY, INQUIRY_DAYS,
            INQUIRY_INDUSTRIES);

    public String of(String base) {
        return generation.isEmpty() ? base : base + "_" + generation;
    }

    List<String> all() {
        return BASES.stream().map(this::of).toList();
    }
}
