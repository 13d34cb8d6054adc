package com.dealerradar.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks an event payload against the JSON Schema the events module publishes for its type
 * ({@code /schemas/<type>.json} on the classpath), so that publishers' contract tests read alike.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {}

    /** The schema violations of {@code json} as an event of {@code type}; empty when it conforms. */
    public static List<String> violations(String type, byte[] json) {
        return violations(type, new String(json, StandardCharsets.UTF_8));
    }

    public static List<String> violations(String type, String json) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema is published for event type " + type);
            }
            Schema schema = REGISTRY.getSchema(in);
            return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
