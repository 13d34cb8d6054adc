package com.dealerradar.platform.web;

import java.util.function.Predicate;

/** Looks through a failure and the failures it was caused by, for the error handling of the services and the gateway. */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code failure} and its causes that is a {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Whether {@code failure} or any of its causes matches. */
    public static boolean any(Throwable failure, Predicate<Throwable> matches) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (matches.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
