package com.dealerradar.analytics.finding.adapter.mongo;

import java.util.List;

/**
 * The collections of assignments and their lists. They hold user writes, not what the topics say, so
 * they are none of the read model's generation collections: a rebuild neither drops nor rebuilds them.
 */
public final class FindingCollections {

    public static final String FINDINGS = "finding_assignments";
    public static final String BY_DUE_DATE = "finding_lists_by_due_date";
    public static final String BY_FIRST_ASSIGNMENT = "finding_lists_by_first_assignment";
    public static final List<String> ALL = List.of(FINDINGS, BY_DUE_DATE, BY_FIRST_ASSIGNMENT);

    private FindingCollections() {}
}
