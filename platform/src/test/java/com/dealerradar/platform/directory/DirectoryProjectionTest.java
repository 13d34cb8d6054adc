package com.dealerradar.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.testkit.InMemoryStore;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory copy on the store follows radar.directory's newest version, whatever order the events arrive in. */
class DirectoryProjectionTest {

    @RegisterExtension
    static final InMemoryStore STORE = new InMemoryStore("directory_test");

    @Test
    void aDealerIsKnownByItsRegionAndBrandOnceRegistered() {
        DealerDirectory directory = new MongoDealerDirectory(STORE.template(), "registered");
        DirectoryProjection projection = new DirectoryProjection(directory);

        assertThat(directory.regionOf("D-1").blockOptional()).isEmpty();
        assertThat(directory.brandOf("D-1").block()).isEqualTo(DealerDirectory.UNKNOWN_BRAND);

        projection.apply(event(EventTypes.DEALER_REGISTERED, 1, "Baotou", "Changan")).block();

        assertThat(directory.regionOf("D-1").block()).isEqualTo("Baotou");
        assertThat(directory.brandOf("D-1").block()).isEqualTo("Changan");
    }

    @Test
    void aStaleOrRepeatedEventChangesNothing() {
        DealerDirectory directory = new MongoDealerDirectory(STORE.template(), "reordered");
        DirectoryProjection projection = new DirectoryProjection(directory);

        projection.apply(event(EventTypes.DEALER_UPDATED, 3, "Chifeng", "Geely")).block();
        projection.apply(event(EventTypes.DEALER_REGISTERED, 1, "Baotou", "Changan")).block();
        projection.apply(event(EventTypes.DEALER_UPDATED, 3, "Wuhai", "Changan")).block();

        assertThat(directory.regionOf("D-1").block()).isEqualTo("Chifeng");
        assertThat(directory.brandOf("D-1").block()).isEqualTo("Geely");

        projection.apply(event(EventTypes.DEALER_UPDATED, 4, "Wuhai", "Changan")).block();

        assertThat(directory.regionOf("D-1").block()).isEqualTo("Wuhai");
    }

    private static EventEnvelope event(String type, long version, String region, String brand) {
        return new EventEnvelope("e-" + version + "-" + region, "/lead-service", type, "D-1",
                OffsetDateTime.parse("2026-11-30T08:00:00+08:00"), "D-1", region, version,
                EventJson.write(new DealerRegistered("D-1", "Motors", region, brand)));
    }
}
