package com.dealerradar.followupservice.cadence.adapter.web;

import com.dealerradar.followupservice.cadence.application.CadenceSettings;
import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.cadence.domain.GradeCadence;
import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.platform.security.Caller;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/follow-ups/cadence")
class CadenceController {

    private final CadenceSettings settings;

    CadenceController(CadenceSettings settings) {
        this.settings = settings;
    }

    /** Any role may read the cadence its leads are followed up on. */
    @GetMapping
    Mono<CadenceView> get() {
        return settings.current().map(CadenceView::of);
    }

    /** HQ and ADMIN only; every grade must be given. */
    @PutMapping
    Mono<CadenceView> put(Caller caller, @Valid @RequestBody CadenceRequest body) {
        return settings.replace(caller, body.grades().byGrade()).map(CadenceView::of);
    }

    record CadenceRequest(@NotNull @Valid Grades grades) {}

    // Named like the JSON keys, so that validation errors name the field the caller sent.
    record Grades(
            @JsonProperty("H") @NotNull @Valid Rule H,
            @JsonProperty("A") @NotNull @Valid Rule A,
            @JsonProperty("B") @NotNull @Valid Rule B,
            @JsonProperty("C") @NotNull @Valid Rule C) {

        Map<Grade, GradeCadence> byGrade() {
            Map<Grade, GradeCadence> grades = new EnumMap<>(Grade.class);
            grades.put(Grade.H, H.toCadence());
            grades.put(Grade.A, A.toCadence());
            grades.put(Grade.B, B.toCadence());
            grades.put(Grade.C, C.toCadence());
            return grades;
        }
    }

    record Rule(@NotNull Integer intervalDays, @NotNull Integer windowDays) {

        GradeCadence toCadence() {
            return new GradeCadence(intervalDays, windowDays);
        }
    }

    record CadenceView(Map<String, GradeCadence> grades, long revision) {

        static CadenceView of(Cadence cadence) {
            Map<String, GradeCadence> grades = new LinkedHashMap<>();
            for (Grade grade : Grade.values()) {
                grades.put(grade.name(), cadence.of(grade));
            }
            return new CadenceView(grades, cadence.revision());
        }
    }
}
