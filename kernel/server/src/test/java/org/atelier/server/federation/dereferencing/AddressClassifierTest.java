package org.atelier.server.federation.dereferencing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address classifier over a table of addresses of both families: every special range at
 * its edges, the public addresses right next to them, and IPv6 forms carrying an IPv4 address
 * (mapped, compatible, NAT64, 6to4) judged by what they carry.
 */
class AddressClassifierTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1              | loopback
            127.255.255.254        | loopback
            10.0.0.1               | private
            10.255.255.255         | private
            172.16.0.1             | private
            172.31.255.255         | private
            192.168.1.1            | private
            169.254.169.254        | link-local
            0.0.0.0                | unspecified
            0.1.2.3                | unspecified
            100.64.0.1             | shared address space (CGNAT)
            100.127.255.255        | shared address space (CGNAT)
            224.0.0.1              | multicast
            239.255.255.250        | multicast
            255.255.255.255        | broadcast
            240.0.0.1              | reserved
            192.0.0.8              | IETF protocol assignments
            192.0.2.1              | documentation
            198.18.0.1             | benchmarking
            203.0.113.9            | documentation
            ::1                    | loopback
            ::                     | unspecified
            fc00::1                | private (unique local)
            fdff:ffff::1           | private (unique local)
            fe80::1                | link-local
            febf:ffff::1           | link-local
            fec0::1                | site-local
            ff02::1                | multicast
            ff0e::1                | multicast
            2001:db8::1            | documentation
            100::1                 | discard-only
            2001::1                | IETF protocol assignments (Teredo and others)
            64:ff9b:1::1           | local-use NAT64
            1234::1                | not global unicast
            ::ffff:127.0.0.1       | IPv4-mapped form of 127.0.0.1, loopback
            ::ffff:7f00:2          | IPv4-mapped form of 127.0.0.2, loopback
            ::ffff:10.1.2.3        | IPv4-mapped form of 10.1.2.3, private
            ::ffff:169.254.169.254 | IPv4-mapped form of 169.254.169.254, link-local
            ::ffff:0.0.0.0         | IPv4-mapped form of 0.0.0.0, unspecified
            ::127.0.0.1            | IPv4-compatible form of 127.0.0.1, loopback
            ::192.168.0.1          | IPv4-compatible form of 192.168.0.1, private
            64:ff9b::a9fe:a9fe     | NAT64 form of 169.254.169.254, link-local
            64:ff9b::7f00:1        | NAT64 form of 127.0.0.1, loopback
            2002:7f00:1::          | 6to4 form of 127.0.0.1, loopback
            2002:c0a8:101::1       | 6to4 form of 192.168.1.1, private
            """)
    void specialAddressesAreRefusedByName(String address, String range) {
        Optional<String> refusal = AddressClassifier.refusal(literal(address));
        assertTrue(refusal.isPresent(), address + " passed");
        assertTrue(refusal.get().startsWith(range), address + ": " + refusal.get());
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({"8.8.8.8", "1.1.1.1", "93.184.216.34", "9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0",
            "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0",
            "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:200::1", "2001:db9::1", "3ffe::1",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesPass(String address) {
        assertEquals(Optional.empty(), AddressClassifier.refusal(literal(address)), address);
    }

    /** Java unwraps IPv4-mapped addresses it parses; both forms must be judged alike. */
    @ParameterizedTest
    @CsvSource({"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:8.8.8.8"})
    void mappedAddressesAsJavaParsesThemAreJudgedAlike(String address) throws UnknownHostException {
        InetAddress unwrapped = InetAddress.getByName(address);
        assertEquals(4, unwrapped.getAddress().length);
        assertEquals(AddressClassifier.refusal(literal(address)).isPresent(),
                AddressClassifier.refusal(unwrapped).isPresent(), address);
    }

    private static InetAddress literal(String text) {
        InetAddress address = IpLiterals.parse(text).orElseThrow(() -> new AssertionError("not a literal: " + text));
        assertEquals(text.contains(":") ? 16 : 4, address.getAddress().length, text);
        return address;
    }
}
