package com.dealerradar.platform.kafka;

import com.dealerradar.platform.web.Causes;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure that will pass by itself (the store restarting, failing over or timing out; a broker
 * that is briefly away; a concurrent write that won) from one that will fail the same way every time.
 * A listener retries the first kind until it passes, and parks the second in the dead-letter topic.
 */
public final class TransientFaults {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            TransientDataAccessException.class, DataAccessResourceFailureException.class,
            MongoSocketException.class, MongoTimeoutException.class, MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class, MongoExecutionTimeoutException.class,
            RetriableException.class, ConnectException.class, TimeoutException.class);

    private TransientFaults() {
    }

    /** Whether {@code failure}, or anything it was caused by, is of a kind that passes by itself. */
    public static boolean isTransient(Throwable failure) {
        return Causes.any(failure, cause -> TRANSIENT.stream().anyMatch(kind -> kind.isInstance(cause)));
    }
}
