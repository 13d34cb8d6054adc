package com.dealerradar.platform.kafka;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import io.cloudevents.CloudEvent;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Hands a {@code @KafkaListener} method its record as an {@link EventEnvelope}: the consumers read
 * CloudEvents (binary mode, events.md), and every listener wants the envelope, never the CloudEvent.
 */
final class EventEnvelopeArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return EventEnvelope.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        if (message.getPayload() instanceof CloudEvent event) {
            return CloudEventCodec.fromCloudEvent(event);
        }
        throw new MessageConversionException(message, "a listener taking an EventEnvelope needs a CloudEvent, not a "
                + message.getPayload().getClass().getName());
    }
}
