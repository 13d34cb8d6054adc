package com.dealerradar.local.e2e.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint as the fuzzer calls it: a valid request (method, path, key, query, body) and what each
 * part of it holds, so that the generator can break exactly one part at a time.
 *
 * @param pathParts  the path's variable parts by name ({@code {leadId}} in {@code path}) with their kinds
 * @param query      a valid query; each parameter named in {@code queryKinds} may be broken
 * @param body       a valid JSON body or null; each field in {@code bodyKinds} (a dotted path) may be broken
 * @param required   the body fields whose absence or null must be refused
 * @param batchItems true for {@code POST /api/leads/batch}: a broken item is that item's REJECTED outcome
 */
public record Endpoint(String name, String method, String path, String apiKey, Map<String, String> pathValues,
        Map<String, Kind> pathParts, Map<String, String> query, Map<String, Kind> queryKinds, String body,
        Map<String, Kind> bodyKinds, List<String> required, boolean batchItems) {

    public static Builder get(String path, String apiKey) {
        return new Builder("GET", path, apiKey);
    }

    public static Builder send(String method, String path, String apiKey, String body) {
        return new Builder(method, path, apiKey).body(body);
    }

    public boolean hasBody() {
        return body != null;
    }

    public static final class Builder {

        private final String method;
        private final String path;
        private final String apiKey;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Map<String, Kind> pathParts = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, Kind> queryKinds = new LinkedHashMap<>();
        private final Map<String, Kind> bodyKinds = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private String body;
        private boolean batchItems;

        private Builder(String method, String path, String apiKey) {
            this.method = method;
            this.path = path;
            this.apiKey = apiKey;
        }

        /** A variable part of the path, its valid value and the kind of wrong values it gets. */
        public Builder part(String name, String value, Kind kind) {
            pathValues.put(name, value);
            pathParts.put(name, kind);
            return this;
        }

        /** A query parameter that may be broken; {@code value} null leaves it out of the valid request. */
        public Builder param(String name, String value, Kind kind) {
            if (value != null) {
                query.put(name, value);
            }
            queryKinds.put(name, kind);
            return this;
        }

        public Builder field(String dottedPath, Kind kind) {
            bodyKinds.put(dottedPath, kind);
            return this;
        }

        public Builder requiredField(String dottedPath, Kind kind) {
            required.add(dottedPath);
            return field(dottedPath, kind);
        }

        public Builder batchItems() {
            this.batchItems = true;
            return this;
        }

        private Builder body(String json) {
            this.body = json;
            return this;
        }

        public Endpoint build(String name) {
            return new Endpoint(name, method, path, apiKey, ordered(pathValues), ordered(pathParts), ordered(query),
                    ordered(queryKinds), body, ordered(bodyKinds), List.copyOf(required), batchItems);
        }

        // Insertion order, so that a seed always picks the same parts.
        private static <V> Map<String, V> ordered(Map<String, V> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
