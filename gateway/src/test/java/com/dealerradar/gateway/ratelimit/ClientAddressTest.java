package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4ClientIsLimitedByItsAddress() {
        assertThat(ClientAddress.of(new InetSocketAddress("203.0.113.7", 51234))).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(new InetSocketAddress("203.0.113.8", 51234))).isEqualTo("203.0.113.8");
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64Network() {
        String one = ClientAddress.of(new InetSocketAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 443));
        String another = ClientAddress.of(new InetSocketAddress("2001:db8:1:2::1", 443));
        String elsewhere = ClientAddress.of(new InetSocketAddress("2001:db8:1:3::1", 443));

        assertThat(one).isEqualTo(another).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(elsewhere).isNotEqualTo(one);
    }

    @Test
    void aClientWithoutAnAddressSharesOneBucketWithTheOthersLikeIt() {
        assertThat(ClientAddress.of(null)).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(ClientAddress.of(InetSocketAddress.createUnresolved("somewhere", 80))).isEqualTo(ClientAddress.UNKNOWN);
    }
}
