package com.dealerradar.analytics.query.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the grades a dealer or consultant gives at capture order conversion: each grade's share of
 * leads won within its window should be above every lower grade's (H above A, B and C; A above B and
 * C; B above C). A pair is judged only when both grades have at least {@link #MIN_LEADS} leads, so
 * that a handful of leads does not raise a flag; a pair where the higher grade converts no better is
 * listed as misordered, e.g. {@code "H<=B"}.
 */
public final class GradeCalibration {

    public static final List<String> GRADES = List.of("H", "A", "B", "C");
    public static final int MIN_LEADS = 5;

    private GradeCalibration() {}

    public record Grade(String grade, long leads, long wonWithinWindow, Double rate) {}

    public record Calibration(List<Grade> grades, List<String> misordered) {

        public boolean flagged() {
            return !misordered.isEmpty();
        }
    }

    public static Calibration of(Map<String, Long> leadsByGrade, Map<String, Long> wonWithinWindowByGrade) {
        List<Grade> grades = new ArrayList<>();
        for (String grade : GRADES) {
            long leads = leadsByGrade.getOrDefault(grade, 0L);
            long won = wonWithinWindowByGrade.getOrDefault(grade, 0L);
            grades.add(new Grade(grade, leads, won, Rates.of(won, leads)));
        }
        List<String> misordered = new ArrayList<>();
        for (int higher = 0; higher < grades.size(); higher++) {
            for (int lower = higher + 1; lower < grades.size(); lower++) {
                Grade h = grades.get(higher), l = grades.get(lower);
                if (h.leads() >= MIN_LEADS && l.leads() >= MIN_LEADS
                        && (double) h.wonWithinWindow() / h.leads() <= (double) l.wonWithinWindow() / l.leads()) {
                    misordered.add(h.grade() + "<=" + l.grade());
                }
            }
        }
        return new Calibration(grades, misordered);
    }
}
