package com.dealerradar.testkit.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What counts as a credential in a text file of the repository. No maintained scanner of this kind is
 * published for the JVM (gitleaks, trufflehog and detect-secrets are Go and Python tools), so the
 * rules are few and kept here:
 * <ul>
 *   <li>a private key block (PEM, OpenSSH, PGP);</li>
 *   <li>a known token shape: AWS access key ids, GitHub, Slack, Google and Stripe tokens, a signed JWT,
 *       and our own API keys as the gateway issues them ({@code rk_} + 43 characters) and the
 *       generated admin key;</li>
 *   <li>a URL with a password in it ({@code scheme://user:<password>@host});</li>
 *   <li>a Kubernetes Secret manifest with values ({@code kind: Secret} and {@code data} or
 *       {@code stringData}): whatever it holds works wherever the manifest is applied;</li>
 *   <li>a value that looks random assigned to a name that says secret, password, token, credential or
 *       api/admin/hash/private/access/signing key. Random means 32 or more hex digits, or 20 or more
 *       characters mixing upper and lower case and digits at 3.5 bits of entropy per character or more.
 *       Readable test values ({@code test-internal-token-secret-of-32-bytes-or-more}) and
 *       placeholders ({@code ${RADAR_ADMIN_KEY}}, {@code $(openssl rand -hex 32)}) are not.</li>
 * </ul>
 * A finding names the file, line and rule, never the value, so that a CI log does not repeat it.
 */
final class SecretRules {

    record Finding(String path, int line, String rule) {
        @Override
        public String toString() {
            return path + ":" + line + " " + rule;
        }
    }

    private record Rule(String name, Pattern pattern, Predicate<String> credential) {}

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
    private static final Pattern KUBERNETES_SECRET = Pattern.compile("^kind:\\s*Secret\\s*$");
    private static final String YAML_DOCUMENT_SEPARATOR = "---";
    private static final Pattern KUBERNETES_SECRET_VALUES = Pattern.compile("^(?:string)?[dD]ata:.*");
    private static final String SECRET_NAME =
            "(?:secret|passw(?:or)?d|token|credential|(?:api|admin|hash|private|access|signing)[_.-]?key)";

    private static final List<Rule> RULES = List.of(
            rule("private key", "-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"),
            rule("AWS access key id", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            rule("GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
            rule("Slack token", "\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            rule("Google API key", "\\bAIza[0-9A-Za-z_-]{35}"),
            rule("Stripe secret key", "\\b[sr]k_live_[0-9A-Za-z]{24,}"),
            rule("signed JWT", "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            rule("Dealer Radar API key", "\\brk_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"),
            rule("Dealer Radar admin key", "\\bradar_admin_[0-9a-f]{32}\\b"),
            new Rule("password in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s/:@]+:([^\\s/:@]{3,})@"),
                    SecretRules::isLiteral),
            new Rule("random value assigned to a secret",
                    Pattern.compile("(?i)[\\w.-]*" + SECRET_NAME + "[\\w.-]*[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9+/=_.-]{20,})"),
                    SecretRules::looksRandom));

    private SecretRules() {}

    static List<Finding> scan(String path, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean[] kubernetesSecret = kubernetesSecretLines(lines);
        for (int i = 0; i < lines.length; i++) {
            for (Rule rule : RULES) {
                if (matches(rule, lines[i])) {
                    findings.add(new Finding(path, i + 1, rule.name()));
                }
            }
            if (kubernetesSecret[i] && KUBERNETES_SECRET_VALUES.matcher(lines[i]).matches()) {
                findings.add(new Finding(path, i + 1, "Kubernetes Secret with values"));
            }
        }
        return findings;
    }

    /** Which lines belong to a YAML document of {@code kind: Secret}. */
    private static boolean[] kubernetesSecretLines(String[] lines) {
        boolean[] secret = new boolean[lines.length];
        int documentStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].strip().equals(YAML_DOCUMENT_SEPARATOR)) {
                boolean isSecret = Arrays.stream(lines, documentStart, i)
                        .anyMatch(line -> KUBERNETES_SECRET.matcher(line).matches());
                Arrays.fill(secret, documentStart, i, isSecret);
                documentStart = i + 1;
            }
        }
        return secret;
    }

    private static boolean matches(Rule rule, String line) {
        Matcher matcher = rule.pattern().matcher(line);
        while (matcher.find()) {
            String value = matcher.groupCount() == 0 ? matcher.group() : matcher.group(1);
            if (rule.credential().test(value)) {
                return true;
            }
        }
        return false;
    }

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex), value -> true);
    }

    // ${VAR}, $(command), <placeholder> and *** stand for a value; they are not one.
    private static boolean isLiteral(String value) {
        return !(value.startsWith("$") || value.startsWith("<") || value.startsWith("*"));
    }

    static boolean looksRandom(String value) {
        if (HEX.matcher(value).matches()) {
            return value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
        }
        boolean mixed = value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase)
                && value.chars().anyMatch(Character::isDigit);
        return mixed && entropyBitsPerCharacter(value) >= 3.5;
    }

    static double entropyBitsPerCharacter(String value) {
        Map<Integer, Long> counts = value.chars().boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.values().stream()
                .mapToDouble(count -> (double) count / value.length())
                .map(p -> -p * Math.log(p) / Math.log(2))
                .sum();
    }
}
