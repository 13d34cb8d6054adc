package com.dealerradar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class TransientFaultsTest {

    @Test
    void aLostStoreOrALostRaceIsTransientHoweverDeepItIsWrapped() {
        var refused = new MongoSocketOpenException("Exception opening socket", new ServerAddress("127.0.0.1", 1));
        assertThat(TransientFaults.isTransient(refused)).isTrue();
        assertThat(TransientFaults.isTransient(new IllegalStateException("handling failed",
                new RuntimeException(refused)))).isTrue();
        assertThat(TransientFaults.isTransient(new DataAccessResourceFailureException("store away"))).isTrue();
        assertThat(TransientFaults.isTransient(new OptimisticLockingFailureException("a concurrent write won")))
                .isTrue();
    }

    @Test
    void aFailureThatRepeatsItselfIsNot() {
        assertThat(TransientFaults.isTransient(new IllegalArgumentException("unknown event type"))).isFalse();
        assertThat(TransientFaults.isTransient(new DuplicateKeyException("E11000"))).isFalse();
        assertThat(TransientFaults.isTransient(new NullPointerException())).isFalse();
    }
}
