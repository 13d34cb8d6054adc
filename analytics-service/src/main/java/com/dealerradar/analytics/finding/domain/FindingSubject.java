package com.dealerradar.analytics.finding.domain;

import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.problem.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a finding is about, as the radar described it: a missed prospect ({@code region}, {@code dimension},
 * {@code value}) or a wave ({@code industry}, {@code opensOn}, the {@code regions} it reached). Its id is
 * derived from it ({@link FindingId}); a wave's regions are not part of the id, since a wave grows.
 */
public record FindingSubject(FindingKind kind, String region, String dimension, String value, String industry,
        LocalDate opensOn, List<String> regions) {

    public static final Set<String> DIMENSIONS = Set.of("industry", "model", "industryModel");
    /** The group has a dozen regions; a wave's list is bounded far above that. */
    public static final int MAX_REGIONS = 50;

    public FindingSubject {
        region = Texts.orNull(region);
        value = Texts.orNull(value);
        industry = Texts.orNull(industry);
        regions = regions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(regions));
    }

    public static FindingSubject missedProspect(String region, String dimension, String value) {
        return new FindingSubject(FindingKind.MISSED_PROSPECT, region, dimension, value, null, null, null);
    }

    public static FindingSubject wave(String industry, LocalDate opensOn, List<String> regions) {
        return new FindingSubject(FindingKind.WAVE, null, null, null, industry, opensOn, regions);
    }

    /** The id of the finding this describes; only meaningful when it has no {@link #violations()}. */
    public String id() {
        return kind == FindingKind.WAVE ? FindingId.wave(industry, opensOn)
                : FindingId.missedProspect(region, dimension, value);
    }

    /** The regions the finding belongs to, sorted: a missed prospect's one, a wave's every one. */
    public List<String> scopeRegions() {
        if (kind == FindingKind.MISSED_PROSPECT) {
            return List.of(region);
        }
        return List.copyOf(new TreeSet<>(regions.stream().filter(Objects::nonNull).map(String::strip).toList()));
    }

    /** The same subject with a wave's regions sorted, once each, as it is stored. */
    public FindingSubject normalized() {
        return kind == FindingKind.WAVE ? wave(industry, opensOn, scopeRegions()) : this;
    }

    /** This wave with the regions {@code later} names as well (a wave only grows); a missed prospect stays as it is. */
    public FindingSubject joinedWith(FindingSubject later) {
        if (kind != FindingKind.WAVE) {
            return this;
        }
        List<String> joined = new ArrayList<>(scopeRegions());
        joined.addAll(later.scopeRegions());
        return wave(industry, opensOn, List.copyOf(new TreeSet<>(joined)));
    }

    /** The rules the description breaks, each named as the body's field ({@code finding.region}). */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (kind == null) {
            violations.add(new Violation("finding.kind", "is required: MISSED_PROSPECT or WAVE"));
        } else if (kind == FindingKind.MISSED_PROSPECT) {
            Texts.check(violations, "finding.region", region, Texts.NAME, true);
            if (dimension == null || !DIMENSIONS.contains(dimension)) {
                violations.add(new Violation("finding.dimension", "must be one of industry, model, industryModel"));
            }
            Texts.check(violations, "finding.value", value, Texts.VALUE, true);
            String waveOnly = "only a WAVE has it";
            Texts.absent(violations, "finding.industry", industry, waveOnly);
            Texts.absent(violations, "finding.opensOn", opensOn, waveOnly);
            Texts.absent(violations, "finding.regions", regions.isEmpty() ? null : regions, waveOnly);
        } else {
            Texts.check(violations, "finding.industry", industry, Texts.NAME, true);
            if (opensOn == null) {
                violations.add(new Violation("finding.opensOn", "is required"));
            } else if (opensOn.isBefore(InputBounds.EARLIEST_DATE) || opensOn.isAfter(InputBounds.LATEST_DATE)) {
                violations.add(new Violation("finding.opensOn",
                        "must be between " + InputBounds.EARLIEST_DATE + " and " + InputBounds.LATEST_DATE));
            }
            regionViolations(violations);
            String missedProspectOnly = "only a MISSED_PROSPECT has it";
            Texts.absent(violations, "finding.region", region, missedProspectOnly);
            Texts.absent(violations, "finding.dimension", dimension, missedProspectOnly);
            Texts.absent(violations, "finding.value", value, missedProspectOnly);
        }
        return violations;
    }

    private void regionViolations(List<Violation> violations) {
        if (regions.isEmpty()) {
            violations.add(new Violation("finding.regions", "must name at least one region"));
        } else if (regions.size() > MAX_REGIONS) {
            violations.add(new Violation("finding.regions", "must name at most " + MAX_REGIONS + " regions"));
        } else {
            for (int i = 0; i < regions.size(); i++) {
                Texts.check(violations, "finding.regions[" + i + "]", regions.get(i), Texts.NAME, true);
            }
        }
    }
}
