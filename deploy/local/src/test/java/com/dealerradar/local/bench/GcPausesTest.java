package com.dealerradar.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {

    @TempDir
    Path logs;

    private static long at(String time) {
        return OffsetDateTime.parse(time).toInstant().toEpochMilli();
    }

    @Test
    void readsThePausesOfEveryProcessAndLaysThemBesideATime() throws Exception {
        Files.writeString(logs.resolve("store-gc.log"), """
                [2026-12-02T07:52:18.000+0000] GC(327) Pause Young (Allocation Failure) 900M->700M(1383M) 163.000ms
                [2026-12-02T07:52:20.044+0000] GC(328) Pause Full (Allocation Failure) 982M->572M(1383M) 1953.216ms
                """);
        Files.writeString(logs.resolve("store-gc.log.0"), """
                [2026-12-02T07:52:19.000+0000] GC(9) Pause Full (Allocation Failure) 982M->572M(1383M) 999.000ms
                """);
        Files.writeString(logs.resolve("analytics-service-gc.log"), """
                [2026-12-02T07:52:19.500+0000] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 300M->100M(512M) 45.500ms
                [2026-12-02T07:52:19.600+0000] GC(5) Using 2 workers of 2 for evacuation
                [2026-12-02T07:59:00.000+0000] GC(6) Pause Remark 310M->300M(512M) 28.000ms
                """);
        Files.writeString(logs.resolve("store.log"), "Pause Full 10.0ms\n");

        GcPauses pauses = GcPauses.read(logs);

        long from = at("2026-12-02T07:52:17.000Z");
        long to = at("2026-12-02T07:52:19.000Z");
        // The full pause ran from 07:52:18.091 to 07:52:20.044: it overlaps, though it ended after the window.
        assertThat(pauses.within(from, to, 50)).extracting(GcPauses.Pause::toString)
                .containsExactly("store Full 1953 ms", "store Young 163 ms");
        assertThat(pauses.within(from, at("2026-12-02T07:52:21.000Z"), 0)).extracting(GcPauses.Pause::process)
                .containsExactly("store", "store", "analytics-service");
        assertThat(pauses.describe(from, at("2026-12-02T07:52:21.000Z")))
                .contains("store Full", "1 pauses", "1,953 ms in all")
                .contains("analytics-service Young")
                .doesNotContain("Remark");
    }
}
