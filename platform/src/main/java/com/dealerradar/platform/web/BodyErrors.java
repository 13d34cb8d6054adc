package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.Violation;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The field error of a body that could not be read: the JSON path of the field and a message that
 * says what was wrong without echoing more than a short, printable piece of what was sent.
 */
public final class BodyErrors {

    private static final int ECHO = 40;

    private BodyErrors() {}

    public static Violation of(DatabindException e) {
        return new Violation(fieldPath(e), message(e));
    }

    static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(DatabindException e) {
        if (e instanceof OutOfBounds bounds) {
            return bounds.rule();
        }
        if (e instanceof InvalidFormatException invalid) {
            return "value '" + printable(String.valueOf(invalid.getValue())) + "' is not accepted" + allowedValues(invalid);
        }
        return "is malformed";
    }

    private static String allowedValues(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target == null || !target.isEnum()) {
            return "";
        }
        return "; allowed: " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static String printable(String value) {
        String shown = value.length() > ECHO ? value.substring(0, ECHO) + "…" : value;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
