package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.GradeCalibration.Calibration;
import com.dealerradar.analytics.query.domain.GradeCalibration;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Grade calibration of the scope's dealers and consultants over a lead cohort: per grade given at
 * capture, the share of leads won within that grade's window, and the pairs of grades that do not
 * order conversion ({@link GradeCalibration}). Read from the dealer and consultant cells.
 */
@Service
public class GradeCalibrationQuery {

    private final ScopeResolver scope;
    private final CellReader rollups;

    public GradeCalibrationQuery(ScopeResolver scope, CellReader rollups) {
        this.scope = scope;
        this.rollups = rollups;
    }

    public record Row(String key, List<GradeCalibration.Grade> grades, List<String> misordered, boolean flagged) {

        static Row of(String key, RollupSum s) {
            Calibration c = GradeCalibration.of(s.byCaptureGrade(), s.wonInWindowByCaptureGrade());
            return new Row(key, c.grades(), c.misordered(), c.flagged());
        }
    }

    public record GradeCalibrations(List<Row> dealers, List<Row> consultants) {}

    public Mono<GradeCalibrations> calibration(Caller caller, String dealerId, String region, Cohort cohort) {
        return scope.resolve(caller, dealerId, region).flatMap(filter -> Mono.zip(
                rollups.by(filter, cohort, Dimensions.BY_DEALER),
                rollups.by(filter, cohort, Dimensions.BY_CONSULTANT)))
                .map(t -> new GradeCalibrations(rows(t.getT1().byKey()), rows(t.getT2().byKey())));
    }

    private static List<Row> rows(Map<String, RollupSum> byKey) {
        return byKey.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .map(e -> Row.of(e.getKey(), e.getValue())).toList();
    }
}
