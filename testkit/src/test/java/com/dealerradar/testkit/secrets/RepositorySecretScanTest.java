package com.dealerradar.testkit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No credential in any text file git knows of (tracked, or new and not ignored), by {@link SecretRules}.
 * The repository is the one this module sits in; files that are not UTF-8 text (images) are skipped.
 */
class RepositorySecretScanTest {

    @Test
    void theRepositoryHoldsNoCredentials() throws Exception {
        Path root = Path.of(git(moduleDirectory(), "rev-parse", "--show-toplevel").trim());
        List<String> files = Arrays.stream(git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                        .split("\0"))
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();

        List<SecretRules.Finding> findings = new ArrayList<>();
        int scanned = 0;
        for (String file : files) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            Optional<String> text = textOf(path);
            if (text.isPresent()) {
                scanned++;
                findings.addAll(SecretRules.scan(file, text.get()));
            }
        }

        System.out.printf("Secret scan: %d files known to git, %d text files scanned, %d findings%n",
                files.size(), scanned, findings.size());
        assertThat(scanned).as("text files scanned").isGreaterThan(100);
        assertThat(findings).as("credentials in the repository (file:line rule)").isEmpty();
    }

    private static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    private static Optional<String> textOf(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    private static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).as("git " + String.join(" ", arguments) + " ends").isTrue();
        assertThat(git.exitValue()).as("git " + String.join(" ", arguments) + " (the scan needs a git checkout)")
                .isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
