package org.atelier.server.federation.dereferencing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin's allow-list: ranges, single addresses and exact host names, and what it refuses
 * to read, each refusal naming the entry and what is wrong with it.
 */
class AddressAllowListTest {
    private static InetAddress ip(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    @Test
    void rangesAddressesAndHostNames() {
        AddressAllowList list = AddressAllowList.parse(" 10.1.0.0/16, 127.0.0.1 ,fd00::/8,Relay.Internal., ,");
        assertEquals(List.of("10.1.0.0/16", "127.0.0.1", "fd00::/8", "relay.internal."), list.entries());
        assertTrue(list.permits("x.example", ip("10.1.255.255")));
        assertFalse(list.permits("x.example", ip("10.2.0.0")));
        assertTrue(list.permits("x.example", ip("127.0.0.1")));
        assertFalse(list.permits("x.example", ip("127.0.0.2")));
        assertTrue(list.permits("x.example", ip("fd12::1")));
        assertFalse(list.permits("x.example", ip("fe80::1")));
        assertFalse(list.permits("x.example", ip("::ffff:10.1.0.1")), "an IPv4 range is not an IPv6 one");
        assertTrue(list.permits("RELAY.internal", ip("192.168.9.9")), "a named host may be anywhere");
        assertTrue(list.permits("relay.internal.", ip("192.168.9.9")));
        assertFalse(list.permits("other.internal", ip("192.168.9.9")));
        assertFalse(list.permits("sub.relay.internal", ip("192.168.9.9")), "names are exact");
    }

    @Test
    void blankIsNone() {
        assertSame(AddressAllowList.NONE, AddressAllowList.parse(""));
        assertSame(AddressAllowList.NONE, AddressAllowList.parse(" , "));
        assertTrue(AddressAllowList.NONE.isEmpty());
        assertFalse(AddressAllowList.NONE.permits("localhost", ip("127.0.0.1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1/8          | did you mean 10.0.0.0/8?
            192.168.1.0/33      | prefix length
            10.0.0.0/x          | prefix length
            fd00::1/8           | did you mean fd00:0:0:0:0:0:0:0/8?
            fd00::/129          | prefix length
            300.1.2.3           | neither
            127.1               | neither
            0x7f000001          | neither
            010.0.0.1           | neither
            exa mple.org        | neither
            -relay.internal     | neither
            relay..internal     | neither
            *.internal          | wildcards
            ::ffff:127.0.0.1    | IPv4-mapped
            fe80::1%eth0        | IP address
            http://relay/       | IP address
            """)
    void badEntriesAreRefusedByName(String entry, String why) {
        String message = assertThrows(IllegalArgumentException.class,
                () -> AddressAllowList.parse("10.9.0.0/16," + entry)).getMessage();
        assertTrue(message.contains("'" + entry + "'") && message.contains(why), message);
    }
}
