package com.dealerradar.analytics.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.query.domain.GradeCalibration.Calibration;
import com.dealerradar.analytics.query.domain.GradeCalibration.Grade;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradeCalibrationTest {

    @Test
    void gradesThatOrderConversionRaiseNoFlag() {
        // H 6 of 10, A 4 of 10, B 2 of 10, C 1 of 20
        Calibration c = GradeCalibration.of(Map.of("H", 10L, "A", 10L, "B", 10L, "C", 20L),
                Map.of("H", 6L, "A", 4L, "B", 2L, "C", 1L));
        assertThat(c.grades()).containsExactly(new Grade("H", 10, 6, 0.6), new Grade("A", 10, 4, 0.4),
                new Grade("B", 10, 2, 0.2), new Grade("C", 20, 1, 0.05));
        assertThat(c.flagged()).isFalse();
    }

    @Test
    void anHNoBetterThanBIsFlaggedAndSmallGradesAreNotJudged() {
        // H 1 of 8 (0.125) against B 3 of 12 (0.25): H<=B; A has 4 leads, too few to judge; C 0 of 6
        Calibration c = GradeCalibration.of(Map.of("H", 8L, "A", 4L, "B", 12L, "C", 6L),
                Map.of("H", 1L, "A", 4L, "B", 3L));
        assertThat(c.misordered()).containsExactly("H<=B");
        assertThat(c.flagged()).isTrue();
        assertThat(c.grades().get(1)).isEqualTo(new Grade("A", 4, 4, 1.0));
        assertThat(c.grades().get(3)).isEqualTo(new Grade("C", 6, 0, 0.0));
    }

    @Test
    void aGradeWithNoLeadsHasNoRate() {
        Calibration c = GradeCalibration.of(Map.of("B", 5L), Map.of());
        assertThat(c.grades().get(0)).isEqualTo(new Grade("H", 0, 0, null));
        assertThat(c.flagged()).isFalse();
    }
}
