package com.dealerradar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.platform.problem.InputBounds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/** Values out of bounds fail while the body is read, naming their field; values within pass unchanged. */
class BoundedInputModuleTest {

    record Order(String note, BigDecimal price, OffsetDateTime occurredAt, List<String> tags,
            Map<String, BigDecimal> split, Integer count, Boolean kept, Colour colour, LocalDate dueOn) {}

    private final JsonMapper json = JsonMapper.builder().addModule(new BoundedInputModule()).build();

    @Test
    void valuesWithinBoundsAreReadAsUsual() {
        Order order = json.readValue("""
                {"note": "line one\\nline two", "price": 123456.78, "occurredAt": "2026-11-02T10:05:00+08:00",
                 "tags": ["a"], "split": {"ONLINE": 1.5}, "dueOn": "2026-12-15"}""", Order.class);
        assertThat(order.note()).isEqualTo("line one\nline two");
        assertThat(order.price()).isEqualByComparingTo("123456.78");
        assertThat(order.split()).containsEntry("ONLINE", new BigDecimal("1.5"));
        assertThat(order.dueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void aControlCharacterIsRefusedNamingTheField() {
        assertRefused("{\"note\": \"bell\\u0007\"}", "note", "must not contain control characters");
        assertRefused("{\"tags\": [\"ok\", \"nul\\u0000\"]}", "tags[1]", "must not contain control characters");
    }

    @Test
    void aHugeStringIsRefused() {
        assertRefused("{\"note\": \"" + "x".repeat(InputBounds.MAX_TEXT + 1) + "\"}", "note", "must be at most");
    }

    @Test
    void anOverflowingNumberIsRefusedBeforeAnyArithmetic() {
        assertRefused("{\"split\": {\"ONLINE\": 1E+100000000}}", "split.ONLINE", "must be between");
        assertRefused("{\"price\": 1E+6145}", "price", "must be between");
        assertRefused("{\"price\": 1E-100000000}", "price", "decimals");
        assertRefused("{\"price\": -10000000000000000}", "price", "must be between");
    }

    @Test
    void anInstantOutsideTheAcceptedYearsIsRefused() {
        assertRefused("{\"occurredAt\": \"-290000000-01-01T00:00:00Z\"}", "occurredAt", "must be between 2000-01-01");
        assertRefused("{\"occurredAt\": \"+999999999-12-31T00:00:00Z\"}", "occurredAt", "must be between 2000-01-01");
        assertRefused("{\"occurredAt\": \"1999-12-31T23:59:59Z\"}", "occurredAt", "must be between 2000-01-01");
    }

    @Test
    void aDateIsAPlainDateWithinTheAcceptedYears() {
        assertRefused("{\"dueOn\": \"1999-12-31\"}", "dueOn", "must be between 2000-01-01");
        assertRefused("{\"dueOn\": \"2100-01-01\"}", "dueOn", "must be between 2000-01-01");
        assertRefused("{\"dueOn\": \"-999999999-01-01\"}", "dueOn", "must be a date YYYY-MM-DD");
        assertRefused("{\"dueOn\": \"2026-12-15T00:00:00Z\"}", "dueOn", "must be a date YYYY-MM-DD");
        assertRefused("{\"dueOn\": \"2026-12-15T10:00:00\"}", "dueOn", "must be a date YYYY-MM-DD");
    }

    @Test
    void aDateIsNeverReadFromAnEpochDayOrAnArray() {
        assertRefused("{\"dueOn\": 20000}", "dueOn", "as a string");
        assertRefused("{\"dueOn\": 99999999999}", "dueOn", "as a string");
        assertRefused("{\"dueOn\": [2026, 12, 15]}", "dueOn", "as a string");
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNotCoerced() {
        assertRefused("{\"note\": 42}", "note", "must be a string");
        assertRefused("{\"price\": \"12\"}", "price", "must be a number");
        assertRefused("{\"count\": 1.5}", "count", "must be a whole number");
        assertRefused("{\"kept\": 1}", "kept", "must be true or false");
        assertRefused("{\"colour\": 0}", "colour", "must be one of the names");
        assertRefused("{\"colour\": \"RED\\u0007\"}", "colour", "control characters");
        assertRefused("{\"occurredAt\": 1700000000}", "occurredAt", "as a string");
    }

    @Test
    void anEchoedValueIsShortAndPrintable() {
        assertThatThrownBy(() -> json.readValue("{\"colour\": \"" + "\u00e9".repeat(100) + "\"}", Order.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    String message = BodyErrors.of(e).message();
                    assertThat(message).doesNotContain("\u0001").hasSizeLessThan(120);
                });
    }

    enum Colour { RED }

    private void assertRefused(String body, String field, String message) {
        assertThatThrownBy(() -> json.readValue(body, Order.class))
                .isInstanceOfSatisfying(OutOfBounds.class, e -> {
                    assertThat(BodyErrors.of(e).field()).isEqualTo(field);
                    assertThat(BodyErrors.of(e).message()).contains(message);
                });
    }
}
