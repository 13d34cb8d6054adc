package com.dealerradar.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The address a client is limited by: its IPv4 address, or the /64 network of its IPv6 address,
 * since one IPv6 host commonly holds a whole /64 and could otherwise take a fresh address per request.
 * It is the connection's peer unless {@code server.forward-headers-strategy} tells the server to take
 * it from {@code Forwarded} / {@code X-Forwarded-For}, which should be set only behind a proxy that
 * overwrites those headers.
 */
final class ClientAddress {

    static final String UNKNOWN = "unknown";
    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {}

    static String of(InetSocketAddress remote) {
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, IPV6_NETWORK_BYTES, network.length, (byte) 0);
            return toAddress(network).getHostAddress() + "/64";
        }
        return address.getHostAddress();
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }
}
