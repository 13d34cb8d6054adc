package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.Periods;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.platform.security.ReadScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the cells of a cohort by id: the fewest years, months and days that cover it (an open end
 * closes at the first or last year with leads), in the view a query needs, for its scope. One
 * {@code _id $in} read of a bounded list, never a scan: a whole year of the group is one cell. Always
 * the cells of the generation that serves when the read starts.
 */
@Component
public class CellReader {

    private final ReadModels models;

    public CellReader(ReadModels models) {
        this.models = models;
    }

    /** The rows of {@code view} for the cohort and scope. */
    public Mono<List<Rollup>> read(CellView view, ReadScope scope, Cohort cohort) {
        return periods(cohort).flatMap(periods -> read(view, periods, List.of(scopeOf(scope))));
    }

    /** The rows of {@code view} for the cohort, per region of the scope (the group's: every region's cells). */
    public Mono<List<Rollup>> readByRegion(CellView view, ReadScope scope, Cohort cohort) {
        if (scope.dealerId() != null || scope.region() != null) {
            return read(view, scope, cohort);
        }
        return Mono.zip(periods(cohort), Mono.defer(() -> models.active().index().regions())).flatMap(t -> read(view, t.getT1(),
                t.getT2().stream().map(CellScope::region).toList()));
    }

    private Mono<List<Rollup>> read(CellView view, List<String> periods, List<CellScope> scopes) {
        List<String> ids = new ArrayList<>();
        for (CellScope scope : scopes) {
            periods.forEach(period -> ids.add(view.cellId(period, scope)));
        }
        return Mono.defer(() -> models.active().cells().read(ids)).map(found -> {
            List<Rollup> rows = new ArrayList<>();
            for (Cell cell : found.values()) {
                for (Rollup row : cell.rows()) {
                    rows.add(cell.scope().level() == CellScope.Level.REGION && row.key().region() == null
                            ? withRegion(row, cell.scope().name()) : row);
                }
            }
            return rows;
        });
    }

    private static Rollup withRegion(Rollup r, String region) {
        return new Rollup(r.key().withRegion(region), r.captured(), r.invalid(), r.traffic(), r.kept(), r.followed(),
                r.followedWon(), r.reached(), r.won(), r.atRisk(), r.defeatedConfirmed(), r.pendingDefeats(), r.open(),
                r.responseMinutes(), r.defeatsReported(), r.defeatsConfirmed(), r.defeatsReversed(), r.pendingDue(),
                r.byReason(), r.byCompetitor(), r.bySubtype(), r.bySameGroupDealer(), r.ratingSums(), r.ratingCounts(),
                r.organizations(), r.wonOrganizations(), r.models(), r.openLeads(), r.wonByMonth(), r.wonModels(),
                r.vehiclesSold(), r.byCaptureGrade(), r.wonInWindowByCaptureGrade());
    }

    private Mono<List<String>> periods(Cohort cohort) {
        if (cohort.from() != null && cohort.to() != null) {
            return Mono.just(Periods.cover(cohort.from(), cohort.to()));
        }
        return Mono.defer(() -> models.active().index().extent()).map(extent -> extent.map(e -> {
            LocalDate from = cohort.from() != null ? cohort.from() : LocalDate.of(e.first().getYear(), 1, 1);
            LocalDate to = cohort.to() != null ? cohort.to() : LocalDate.of(e.last().getYear(), 12, 31);
            return from.isAfter(to) ? List.<String>of() : Periods.cover(from, to);
        }).orElse(List.of()));
    }

    private static CellScope scopeOf(ReadScope scope) {
        if (scope.dealerId() != null) {
            return CellScope.dealer(scope.dealerId());
        }
        if (scope.region() != null) {
            return CellScope.region(scope.region());
        }
        return CellScope.GROUP;
    }

    public Mono<RollupSum> total(ReadScope scope, Cohort cohort) {
        return read(CellView.TOTAL, scope, cohort).map(rows -> {
            RollupSum sum = new RollupSum();
            rows.forEach(sum::add);
            return sum;
        });
    }

    /** Sums per key and in total, in one pass. */
    public record Grouped(RollupSum total, Map<String, RollupSum> byKey) {}

    /** Sums by {@code keyOf}; a null key (e.g. an individual buyer's industry) is kept as the empty string. */
    public Mono<Grouped> by(ReadScope scope, Cohort cohort, Grouping grouping) {
        Mono<List<Rollup>> rows = grouping.byRegion() ? readByRegion(grouping.view(), scope, cohort)
                : read(grouping.view(), scope, cohort);
        Function<Rollup, String> keyOf = grouping.keyOf();
        return rows.map(all -> {
            Grouped grouped = new Grouped(new RollupSum(), new TreeMap<>());
            for (Rollup rollup : all) {
                String key = keyOf.apply(rollup);
                grouped.byKey().computeIfAbsent(key == null ? "" : key, k -> new RollupSum()).add(rollup);
                grouped.total().add(rollup);
            }
            return grouped;
        });
    }
}
