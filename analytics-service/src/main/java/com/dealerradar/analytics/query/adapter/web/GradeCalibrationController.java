package com.dealerradar.analytics.query.adapter.web;

import com.dealerradar.analytics.query.application.Cohort;
import com.dealerradar.analytics.query.application.GradeCalibrationQuery;
import com.dealerradar.platform.security.Caller;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/analytics/grade-calibration}, scoped like every analytics read. */
@RestController
class GradeCalibrationController {

    private final GradeCalibrationQuery calibration;

    GradeCalibrationController(GradeCalibrationQuery calibration) {
        this.calibration = calibration;
    }

    @GetMapping("/api/analytics/grade-calibration")
    Mono<GradeCalibrationQuery.GradeCalibrations> gradeCalibration(Caller caller,
            @RequestParam(required = false) String dealerId, @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return Mono.defer(() -> calibration.calibration(caller, dealerId, region, new Cohort(from, to)));
    }
}
