package com.dealerradar.defeatservice.defeat.domain;

/** The subtypes of domain.md's table; each belongs to exactly one kind. */
public enum DefeatSubtype {
    GAVE_UP(DefeatKind.AT_RISK),
    LONG_UNCONVERTED(DefeatKind.AT_RISK),
    MISJUDGED(DefeatKind.AT_RISK),
    BOUGHT_COMPETITOR(DefeatKind.DEFEATED),
    LOST_CONTACT(DefeatKind.DEFEATED),
    BOUGHT_SAME_BRAND_ELSEWHERE(DefeatKind.DEFEATED);

    private final DefeatKind kind;

    DefeatSubtype(DefeatKind kind) {
        this.kind = kind;
    }

    public DefeatKind kind() {
        return kind;
    }

    public boolean belongsTo(DefeatKind candidate) {
        return kind == candidate;
    }
}
