package com.dealerradar.defeatservice.defeat.domain;

import java.util.List;

/** What a confirming callback changed in the report; null parts were left as reported. */
public record Correction(DefeatKind kind, DefeatSubtype subtype, List<Reason> reasons) {}
