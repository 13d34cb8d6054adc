package com.dealerradar.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputBoundsTest {

    @Test
    void aQueryDateFarOutsideTheWindowIsABadRequestNamingTheParameter() {
        for (String extreme : new String[] {"-999999999-01-01", "+999999999-12-31", "1999-12-31", "2100-01-01"}) {
            assertThatThrownBy(() -> InputBounds.queryDate("to", extreme))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.kind().status()).isEqualTo(400);
                        assertThat(p.errors()).extracting(Violation::field).containsExactly("to");
                    });
        }
    }

    @Test
    void aQueryDateInsideTheWindowIsParsed() {
        assertThat(InputBounds.queryDate("from", " 2026-11-01 ")).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(InputBounds.queryDate("from", "")).isNull();
    }

    @Test
    void aMalformedQueryDateNamesTheParameter() {
        assertThatThrownBy(() -> InputBounds.queryDate("from", "2026-13-01"))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.errors().get(0).message()).contains("YYYY-MM-DD"));
    }

    @Test
    void aLoneSurrogateIsNotText() {
        assertThat(InputBounds.textViolation("a\uD800b")).isNotNull();
        assertThat(InputBounds.textViolation("赤峰 \uD83D\uDE97")).isNull();
    }
}
