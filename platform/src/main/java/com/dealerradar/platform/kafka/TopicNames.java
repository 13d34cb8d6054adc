package com.dealerradar.platform.kafka;

import com.dealerradar.events.Topics;
import java.util.List;

/**
 * The topics of {@link Topics} under an optional prefix, so that test classes sharing one broker
 * each get their own topics. Exposed as the bean {@code topics} for {@code @KafkaListener} SpEL.
 */
public final class TopicNames {

    private final String prefix;

    public TopicNames(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String directory() {
        return prefix + Topics.DIRECTORY;
    }

    public String leads() {
        return prefix + Topics.LEADS;
    }

    public String followups() {
        return prefix + Topics.FOLLOWUPS;
    }

    public String defeats() {
        return prefix + Topics.DEFEATS;
    }

    public String resolve(String topic) {
        return prefix + topic;
    }

    public List<String> all() {
        return List.of(directory(), leads(), followups(), defeats());
    }
}
