package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.InputBounds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every request body the services read to {@link InputBounds}: each scalar in its own JSON type,
 * text without control characters and of bounded length, numbers that cannot overflow, instants within
 * the years the API accepts, dates as plain {@code YYYY-MM-DD} strings. A value out of bounds fails
 * while the body is read, naming its field, like an unknown enum value.
 * Registered with the services' JSON mapper, which reads only requests: events have their own.
 */
public class BoundedInputModule extends SimpleModule {

    public BoundedInputModule() {
        super("bounded-input");
        setDeserializerModifier(new Modifier());
    }

    private static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, TEXT, "must be a string",
                        value -> InputBounds.textViolation((String) value));
            }
            if (type == BigDecimal.class) {
                return new Checked(deserializer, NUMBER, "must be a number",
                        value -> InputBounds.numberViolation((BigDecimal) value));
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return new Checked(deserializer, WHOLE_NUMBER, "must be a whole number", value -> null);
            }
            if (type == Boolean.class || type == boolean.class) {
                return new Checked(deserializer, BOOLEAN, "must be true or false", value -> null);
            }
            if (type == OffsetDateTime.class) {
                return new Checked(deserializer, TEXT, "must be a date-time with offset as a string",
                        value -> InputBounds.instantViolation(((OffsetDateTime) value).toInstant()));
            }
            if (type == Instant.class) {
                return new Checked(deserializer, TEXT, "must be a date-time as a string",
                        value -> InputBounds.instantViolation((Instant) value));
            }
            if (type == LocalDate.class) {
                // Checked on the text first: the usual reading also takes a timestamp's date, an epoch day or [y, m, d].
                return new Checked(deserializer, TEXT, "must be a date YYYY-MM-DD as a string",
                        value -> InputBounds.dateViolation((LocalDate) value),
                        text -> PLAIN_DATE.matcher(text).matches() ? null : "must be a date YYYY-MM-DD");
            }
            return deserializer;
        }

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
            // Checked on the text itself: the usual enum reading trims, so "A\u0007" would be read as A.
            return new Checked(deserializer, TEXT, "must be one of the names as a string", value -> null,
                    text -> text.chars().anyMatch(Character::isISOControl) || InputBounds.textViolation(text) != null
                            ? "must not contain control characters" : null);
        }
    }

    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Set<JsonToken> TEXT = EnumSet.of(JsonToken.VALUE_STRING);
    private static final Set<JsonToken> NUMBER = EnumSet.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
    private static final Set<JsonToken> WHOLE_NUMBER = EnumSet.of(JsonToken.VALUE_NUMBER_INT);
    private static final Set<JsonToken> BOOLEAN = EnumSet.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);

    /**
     * Takes a value only in its own JSON type (no "1" for a number, no 1 for a string, an enum or a
     * date), checks its text where the usual deserializer would read more into it than is written,
     * reads it with that deserializer, then refuses it when it breaks a bound.
     */
    private static final class Checked extends DelegatingDeserializer {

        private final Set<JsonToken> accepted;
        private final String expected;
        private final Function<Object, String> violation;
        /** Why the text itself is refused, or null; itself null when only the value read is checked. */
        private final Function<String, String> textViolation;

        Checked(ValueDeserializer<?> delegate, Set<JsonToken> accepted, String expected,
                Function<Object, String> violation) {
            this(delegate, accepted, expected, violation, null);
        }

        Checked(ValueDeserializer<?> delegate, Set<JsonToken> accepted, String expected,
                Function<Object, String> violation, Function<String, String> textViolation) {
            super(delegate);
            this.accepted = accepted;
            this.expected = expected;
            this.violation = violation;
            this.textViolation = textViolation;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, accepted, expected, violation, textViolation);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (!accepted.contains(p.currentToken())) {
                throw new OutOfBounds(p, expected, handledType());
            }
            if (textViolation != null) {
                String problem = textViolation.apply(p.getString());
                if (problem != null) {
                    throw new OutOfBounds(p, problem, handledType());
                }
            }
            Object value = super.deserialize(p, ctxt);
            if (value != null) {
                String problem = violation.apply(value);
                if (problem != null) {
                    throw new OutOfBounds(p, problem, handledType());
                }
            }
            return value;
        }
    }
}
