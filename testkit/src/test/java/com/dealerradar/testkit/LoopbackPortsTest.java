package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports asked for one after the other, before anything binds them, are never the same. */
class LoopbackPortsTest {

    @Test
    void noPortIsHandedOutTwice() {
        // The operating system offers a closed probe's port again soon enough that among 2,000 asks some
        // port came twice before LoopbackPorts remembered what it had handed out.
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(LoopbackPorts.free());
        }
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isPositive());
    }
}
