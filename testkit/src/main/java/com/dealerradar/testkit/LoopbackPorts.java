package com.dealerradar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finds ports that are free on the loopback interface, where every testkit server binds. */
public final class LoopbackPorts {

    private static final int ATTEMPTS = 100;
    /**
     * Every port this JVM handed out. A port is free only until somebody binds it: a stack that asks for the
     * ports of five services before any of them starts was given one port twice (two services, one of them
     * failing to start, the gateway's requests for it answered by the other), because the operating system may
     * offer a port again as soon as the probe closes it.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port free now that this JVM has not handed out before. */
    public static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = anyFree();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port that this JVM has not handed out already");
    }

    public static int freeIfZero(int port) {
        return port == 0 ? free() : port;
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
