package com.dealerradar.local.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates bad requests for one endpoint from a seed: each breaks exactly one part of a valid request
 * (a body field, the body as a whole, a query parameter or a path part) in a way no reading of the
 * contract could accept, so every one of them must be refused.
 */
public final class BadRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "@@hole@@";
    private static final String DEEP = "[".repeat(3_000) + "]".repeat(3_000);

    private final Endpoint endpoint;
    private final Random random;

    public BadRequests(Endpoint endpoint, long seed) {
        this.endpoint = endpoint;
        this.random = new Random(seed ^ endpoint.name().hashCode());
    }

    public List<BadRequest> next(int count) {
        List<BadRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(next());
        }
        return requests;
    }

    private BadRequest next() {
        boolean lineParts = !endpoint.queryKinds().isEmpty() || !endpoint.pathParts().isEmpty();
        if (!endpoint.hasBody()) {
            return lineMutation();
        }
        int roll = random.nextInt(100);
        if (roll < 65) {
            return fieldMutation();
        }
        if (roll < 90 || !lineParts) {
            return bodyMutation();
        }
        return lineMutation();
    }

    private BadRequest fieldMutation() {
        List<String> fields = new ArrayList<>(endpoint.bodyKinds().keySet());
        String field = fields.get(random.nextInt(fields.size()));
        Kind kind = endpoint.bodyKinds().get(field);
        List<String> values = new ArrayList<>(kind.bad());
        if (endpoint.required().contains(field)) {
            values.add("null");
            values.add(null);
            if (kind == Kind.TEXT) {
                values.add("\"\"");
                values.add("\"   \"");
            }
        }
        String raw = values.get(random.nextInt(values.size()));
        String label = field + (raw == null ? " removed" : " = " + shortened(raw));
        return withBody("field " + kindLabel(kind), label, replaced(field, raw), "application/json",
                endpoint.batchItems());
    }

    private BadRequest bodyMutation() {
        String valid = endpoint.body();
        return switch (random.nextInt(11)) {
            case 0 -> withBody("body", "not JSON", bytes("this is not JSON"), "application/json", false);
            case 1 -> withBody("body", "truncated", bytes(valid.substring(0, random.nextInt(valid.length()))),
                    "application/json", false);
            case 2 -> withBody("body", "deeply nested", bytes(DEEP), "application/json", false);
            case 3 -> withBody("body", "nested deeply in a field", replaced(anyField(), DEEP), "application/json",
                    false);
            case 4 -> withBody("body", "top-level " + (random.nextBoolean() ? "array" : "number"),
                    bytes(random.nextBoolean() ? "[" + valid + "]" : "42"), "application/json", false);
            case 5 -> withBody("body", "top-level null or string", bytes(random.nextBoolean() ? "null" : "\"text\""),
                    "application/json", false);
            case 6 -> withBody("body", "not JSON content type", bytes(valid),
                    random.nextBoolean() ? "text/plain" : "application/xml", false);
            case 7 -> withBody("body", "invalid UTF-8", invalidUtf8(anyTextField()), "application/json", false);
            case 8 -> withBody("body", "empty", new byte[0], "application/json", false);
            case 9 -> withBody("body", "number of 2,000 digits", replaced(anyField(), "9".repeat(2_000)),
                    "application/json", false);
            default -> random.nextInt(40) == 0
                    ? withBody("body", "over 3 MB", bytes("{\"note\": \"" + "x".repeat(3_500_000) + "\"}"),
                            "application/json", false)
                    : withBody("body", "unclosed string", bytes(valid.substring(0, valid.length() / 2) + "\"abc"),
                            "application/json", false);
        };
    }

    private BadRequest lineMutation() {
        List<String> parts = new ArrayList<>();
        endpoint.pathParts().keySet().forEach(p -> parts.add("path:" + p));
        endpoint.queryKinds().keySet().forEach(q -> parts.add("query:" + q));
        String part = parts.get(random.nextInt(parts.size()));
        String name = part.substring(part.indexOf(':') + 1);
        Map<String, String> pathValues = new LinkedHashMap<>(endpoint.pathValues());
        Map<String, String> query = new LinkedHashMap<>(endpoint.query());
        Kind kind;
        String value;
        if (part.startsWith("path:")) {
            kind = endpoint.pathParts().get(name);
            value = pick(kind.bad());
            if (value.equals("unknown-id")) {
                value = "unknown-" + Long.toHexString(random.nextLong());
            }
            pathValues.put(name, value);
        } else {
            kind = endpoint.queryKinds().get(name);
            value = pick(kind.bad());
            query.put(name, value);
        }
        String body = endpoint.body();
        return new BadRequest(endpoint.name(), (part.startsWith("path:") ? "path " : "query ") + name + " = "
                + shortened(value), endpoint.method(), pathAndQuery(pathValues, query), endpoint.apiKey(),
                body == null ? null : "application/json", body == null ? null : bytes(body), false);
    }

    private String pathAndQuery(Map<String, String> pathValues, Map<String, String> query) {
        String path = endpoint.path();
        for (Map.Entry<String, String> part : pathValues.entrySet()) {
            path = path.replace("{" + part.getKey() + "}", encode(part.getValue()).replace("+", "%20"));
        }
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private BadRequest withBody(String family, String label, byte[] body, String contentType, boolean item) {
        return new BadRequest(endpoint.name(), family + ": " + label, endpoint.method(),
                pathAndQuery(endpoint.pathValues(), endpoint.query()), endpoint.apiKey(), contentType, body, item);
    }

    /** The valid body with one field replaced by raw JSON, or removed when {@code raw} is null. */
    private byte[] replaced(String dottedPath, String raw) {
        ObjectNode root = (ObjectNode) JSON.readTree(endpoint.body());
        ObjectNode parent = endpoint.batchItems() ? (ObjectNode) root.get("items").get(0) : root;
        String[] steps = dottedPath.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = (ObjectNode) parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (raw == null) {
            parent.remove(last);
            return bytes(JSON.writeValueAsString(root));
        }
        parent.put(last, HOLE);
        return bytes(JSON.writeValueAsString(root).replace("\"" + HOLE + "\"", raw));
    }

    private byte[] invalidUtf8(String field) {
        String[] around = new String(replaced(field, "\"" + HOLE + "\""), StandardCharsets.UTF_8)
                .split("\"" + HOLE + "\"", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(around[0] + "\"a"));
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
        out.writeBytes(bytes("b\"" + around[1]));
        return out.toByteArray();
    }

    private String anyField() {
        List<String> fields = new ArrayList<>(endpoint.bodyKinds().keySet());
        return fields.get(random.nextInt(fields.size()));
    }

    private String anyTextField() {
        List<String> texts = endpoint.bodyKinds().entrySet().stream()
                .filter(e -> e.getValue() == Kind.TEXT || e.getValue() == Kind.ENUM || e.getValue() == Kind.TIME)
                .map(Map.Entry::getKey).toList();
        return texts.isEmpty() ? anyField() : texts.get(random.nextInt(texts.size()));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String kindLabel(Kind kind) {
        return kind.name().toLowerCase();
    }

    private static String shortened(String value) {
        String printable = value.codePoints().mapToObj(c -> Character.isISOControl(c)
                ? String.format("\\u%04x", c) : Character.toString(c)).collect(Collectors.joining());
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + value.length() + ")" : printable;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
