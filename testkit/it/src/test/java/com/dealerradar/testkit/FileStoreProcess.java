package com.dealerradar.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A file store in a process of its own, for tests that kill it: {@code FileStoreProcess FILE}; prints its port. */
public final class FileStoreProcess {

    static final String READY = "store ready on port ";

    private FileStoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo store = EmbeddedMongo.file(Path.of(args[0]), 0);
        System.out.println(READY + store.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
