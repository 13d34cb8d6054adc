package com.dealerradar.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from a command line. */
public final class CommandLineOptions {

    private final Map<String, String> values;

    private CommandLineOptions(Map<String, String> values) {
        this.values = values;
    }

    public static CommandLineOptions parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new CommandLineOptions(values);
    }

    int port(String name, int defaultPort) {
        String value = values.get(name);
        return value == null ? defaultPort : Integer.parseInt(value);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }

    public String optional(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    Path requiredPath(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return Path.of(value).toAbsolutePath();
    }
}
