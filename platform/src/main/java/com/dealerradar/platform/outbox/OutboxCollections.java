package com.dealerradar.platform.outbox;

import java.util.List;

/** The collections whose documents carry an outbox; a service declares it as a bean to get the sweep. */
public record OutboxCollections(List<String> names) {

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}
