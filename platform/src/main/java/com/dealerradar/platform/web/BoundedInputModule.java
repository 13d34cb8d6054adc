package com.dealerradar.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every request body the services read to {@link InputBounds}: text without control characters
 * and of bounded length, numbers that cannot overflow, instants within the years the API accepts. A
 * value out of bounds fails while the body is read, naming its field, like an unknown enum value.
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
                return new Checked(deserializer, value -> InputBounds.textViolation((String) value));
            }
            if (type == BigDecimal.class) {
                return new Checked(deserializer, value -> InputBounds.numberViolation((BigDecimal) value));
            }
            if (type == OffsetDateTime.class) {
                return new Checked(deserializer, value -> InputBounds.instantViolation(((OffsetDateTime) value).toInstant()));
            }
            if (type == ZonedDateTime.class) {
                return new Checked(deserializer, value -> InputBounds.instantViolation(((ZonedDateTime) value).toInstant()));
            }
            if (type == Instant.class) {
                return new Checked(deserializer, value -> InputBounds.instantViolation((Instant) value));
            }
            return deserializer;
        }
    }

    /** Reads with the usual deserializer, then refuses a value that breaks a bound. */
    private static final class Checked extends DelegatingDeserializer {

        private final Function<Object, String> violation;

        Checked(ValueDeserializer<?> delegate, Function<Object, String> violation) {
            super(delegate);
            this.violation = violation;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, violation);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
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
