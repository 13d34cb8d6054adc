package com.dealerradar.local.e2e;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scope matrix as a table: one line per endpoint, one column per role and side (own or foreign
 * resource), each cell the answer and whether it was the expected one. Printed with its counts.
 */
final class ScopeTable {

    enum Role { ADMIN, HQ, REGION_MANAGER, DEALER }

    enum Side { OWN, FOREIGN }

    /** What a cell should get: the request done, or refused with 403 or 404. */
    enum Expected {
        DONE("2xx"), FORBIDDEN("403"), NOT_FOUND("404"), NOT_SENT("-");

        private final String label;

        Expected(String label) {
            this.label = label;
        }

        boolean matches(int status) {
            return switch (this) {
                case DONE -> status >= 200 && status < 300;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
                case NOT_SENT -> false;
            };
        }
    }

    /** @param leaked what an answer showed that the caller may not see, or null */
    record Cell(Expected expected, int status, String leaked) {

        boolean passed() {
            return expected == Expected.NOT_SENT || expected.matches(status) && leaked == null;
        }

        @Override
        public String toString() {
            if (expected == Expected.NOT_SENT) {
                return "-";
            }
            String answer = passed() ? String.valueOf(status) : status + "!=" + expected.label;
            return leaked == null ? answer : answer + " LEAK";
        }
    }

    private static final int NAME_WIDTH = 58;
    private static final int CELL_WIDTH = 15;

    private final Map<String, Map<Role, Map<Side, Cell>>> rows = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    void put(String endpoint, Role role, Side side, Cell cell) {
        rows.computeIfAbsent(endpoint, name -> new EnumMap<>(Role.class))
                .computeIfAbsent(role, r -> new EnumMap<>(Side.class))
                .put(side, cell);
        if (!cell.passed()) {
            failures.add(endpoint + " as " + role + " on its " + side.name().toLowerCase() + " resource: " + cell
                    + (cell.leaked() == null ? "" : " (" + cell.leaked() + ")"));
        }
    }

    List<String> failures() {
        return failures;
    }

    String render() {
        StringBuilder table = new StringBuilder();
        table.append(pad("endpoint", NAME_WIDTH));
        for (Role role : Role.values()) {
            for (Side side : Side.values()) {
                table.append(pad(abbreviation(role) + " " + side.name().toLowerCase(), CELL_WIDTH));
            }
        }
        table.append('\n');
        rows.forEach((endpoint, cells) -> {
            table.append(pad(endpoint, NAME_WIDTH));
            for (Role role : Role.values()) {
                for (Side side : Side.values()) {
                    Cell cell = cells.getOrDefault(role, Map.of()).get(side);
                    table.append(pad(cell == null ? "=" : cell.toString(), CELL_WIDTH));
                }
            }
            table.append('\n');
        });
        return table.append(counts()).toString();
    }

    private String counts() {
        Map<String, Integer> byExpectation = new TreeMap<>();
        int sent = 0;
        for (Map<Role, Map<Side, Cell>> cells : rows.values()) {
            for (Map<Side, Cell> sides : cells.values()) {
                for (Cell cell : sides.values()) {
                    if (cell.expected() != Expected.NOT_SENT) {
                        sent++;
                        byExpectation.merge(cell.expected().name(), 1, Integer::sum);
                    }
                }
            }
        }
        return "%d endpoints, %d requests (expected %s), %d not as expected; '=' no foreign resource, '-' not sent%n"
                .formatted(rows.size(), sent, byExpectation, failures.size());
    }

    private static String abbreviation(Role role) {
        return switch (role) {
            case ADMIN -> "ADMIN";
            case HQ -> "HQ";
            case REGION_MANAGER -> "RM";
            case DEALER -> "DEALER";
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text.substring(0, width - 1) + " " : text + " ".repeat(width - text.length());
    }
}
