package com.dealerradar.analytics.rebuild.application;

/** The service's consumers of the live topics, stopped while the rebuild replays them. */
public interface LiveConsumers {

    void stopAll();

    /** The consumers resume from their committed offsets. */
    void startAll();
}
