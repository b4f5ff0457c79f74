package org.atelier.server.federation.dereferencing;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether an address is one a federation request may connect to: a public unicast
 * address. Everything else is refused with the name of its range: loopback, private and unique
 * local, link-local, unspecified, multicast, broadcast, shared (CGNAT), documentation,
 * benchmarking and reserved ranges (the IANA special-purpose registries), and IPv6 forms that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4), judged by the address they carry.
 * Stateless.
 */
public final class AddressClassifier {
    private record Range(Cidr cidr, String name) {
        Range(String cidr, String name) {
            this(Cidr.parse(cidr), name);
        }
    }

    /** The first matching row names the range; broadcast comes before the reserved block around it. */
    private static final List<Range> IPV4 = List.of(
            new Range("0.0.0.0/8", "unspecified (\"this network\")"),
            new Range("10.0.0.0/8", "private"),
            new Range("100.64.0.0/10", "shared address space (CGNAT)"),
            new Range("127.0.0.0/8", "loopback"),
            new Range("169.254.0.0/16", "link-local"),
            new Range("172.16.0.0/12", "private"),
            new Range("192.0.0.0/24", "IETF protocol assignments"),
            new Range("192.0.2.0/24", "documentation"),
            new Range("192.88.99.0/24", "6to4 relay anycast"),
            new Range("192.168.0.0/16", "private"),
            new Range("198.18.0.0/15", "benchmarking"),
            new Range("198.51.100.0/24", "documentation"),
            new Range("203.0.113.0/24", "documentation"),
            new Range("224.0.0.0/4", "multicast"),
            new Range("255.255.255.255/32", "broadcast"),
            new Range("240.0.0.0/4", "reserved"));

    private static final List<Range> IPV6 = List.of(
            new Range("::/128", "unspecified"),
            new Range("::1/128", "loopback"),
            new Range("64:ff9b:1::/48", "local-use NAT64"),
            new Range("100::/64", "discard-only"),
            new Range("2001::/23", "IETF protocol assignments (Teredo and others)"),
            new Range("2001:db8::/32", "documentation"),
            new Range("3fff::/20", "documentation"),
            new Range("fc00::/7", "private (unique local)"),
            new Range("fe80::/10", "link-local"),
            new Range("fec0::/10", "site-local"),
            new Range("ff00::/8", "multicast"));

    /** Everything public in IPv6 is in here; the rest is unassigned or special. */
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    /** An IPv6 form that carries an IPv4 address, and where its four bytes are. */
    private record Carrier(Range range, int offset) {
    }

    private static final List<Carrier> CARRIERS = List.of(
            new Carrier(new Range("::ffff:0:0/96", "IPv4-mapped"), 12),
            new Carrier(new Range("::/96", "IPv4-compatible"), 12),
            new Carrier(new Range("64:ff9b::/96", "NAT64"), 12),
            new Carrier(new Range("2002::/16", "6to4"), 2));

    private AddressClassifier() {
    }

    /**
     * Why an address is refused, if it is.
     *
     * @param address an address of either family (IPv6 in any form, also IPv4-mapped)
     * @return the name of its special range and the range, e.g. {@code loopback (127.0.0.0/8)};
     *         empty for a public unicast address
     */
    public static Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    private static Optional<String> refusal(byte[] bytes) {
        if (bytes.length == 4) {
            return first(IPV4, bytes);
        }
        // :: and ::1 sit inside the IPv4-compatible block but are IPv6's own
        Optional<String> own = first(IPV6.subList(0, 2), bytes);
        if (own.isPresent()) {
            return own;
        }
        for (Carrier carrier : CARRIERS) {
            if (carrier.range().cidr().contains(bytes)) {
                byte[] ipv4 = Arrays.copyOfRange(bytes, carrier.offset(), carrier.offset() + 4);
                return refusal(ipv4).map(why -> carrier.range().name() + " form of "
                        + IpLiterals.address(ipv4).getHostAddress() + ", " + why);
            }
        }
        Optional<String> special = first(IPV6, bytes);
        if (special.isPresent() || GLOBAL_UNICAST.contains(bytes)) {
            return special;
        }
        return Optional.of("not global unicast (outside " + GLOBAL_UNICAST + ")");
    }

    private static Optional<String> first(List<Range> ranges, byte[] bytes) {
        return ranges.stream().filter(range -> range.cidr().contains(bytes)).findFirst()
                .map(range -> range.name() + " (" + range.cidr() + ")");
    }
}
