package org.atelier.server.federation.dereferencing;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin's exceptions to {@link AddressClassifier}: address ranges and exact host names that
 * outbound requests may reach although they are private, loopback or otherwise special (a relay
 * on the local network, or another instance on the same machine in tests). Set by
 * {@code federation.allow-private} / {@code ATELIER_FEDERATION_ALLOW_PRIVATE}. Immutable.
 */
public final class AddressAllowList {
    /** Nothing allowed beyond public addresses: the default. */
    public static final AddressAllowList NONE = new AddressAllowList(List.of(), Set.of(), List.of());

    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private static final Cidr IPV4_MAPPED = Cidr.parse("::ffff:0:0/96");

    private final List<Cidr> ranges;
    private final Set<String> hosts;
    private final List<String> entries;

    private AddressAllowList(List<Cidr> ranges, Set<String> hosts, List<String> entries) {
        this.ranges = List.copyOf(ranges);
        this.hosts = Set.copyOf(hosts);
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the setting: entries separated by commas, each an address range
     * ({@code 10.0.0.0/8}, {@code fd00::/8}), a single address ({@code 127.0.0.1}) or an exact
     * host name ({@code relay.internal}: every address it resolves to is allowed). Blank means
     * {@link #NONE}.
     *
     * @param text the setting
     * @return the allow-list
     * @throws IllegalArgumentException naming the entry at fault and why
     */
    public static AddressAllowList parse(String text) {
        List<Cidr> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/") || entry.contains(":") || IpLiterals.parse(entry).isPresent()) {
                Cidr range = Cidr.parse(entry);
                if (IPV4_MAPPED.contains(IpLiterals.parse(entry.split("/")[0]).orElseThrow())) {
                    // connections are made to the IPv4 form, which such an entry would never match
                    throw new IllegalArgumentException("'" + entry + "' is an IPv4-mapped IPv6 range; write it as IPv4");
                }
                ranges.add(range);
            } else if (entry.contains("*")) {
                throw new IllegalArgumentException("'" + entry + "': wildcards are not supported; list each host name");
            } else if (IpLiterals.endsInNumber(entry) || !HOST_NAME.matcher(stripDot(entry)).matches()) {
                throw new IllegalArgumentException("'" + entry + "' is neither an IP address (a.b.c.d or IPv6), "
                        + "an address range (a.b.c.d/n) nor a host name");
            } else {
                hosts.add(stripDot(entry));
            }
            entries.add(entry);
        }
        return entries.isEmpty() ? NONE : new AddressAllowList(ranges, Set.copyOf(hosts), entries);
    }

    /**
     * Whether a connection to this address, reached through this host name, is allowed although
     * the address is special.
     *
     * @param host    the host as the URL names it (any case, IPv6 without brackets)
     * @param address the address the host resolved to
     * @return true when the host name or a range holding the address is listed
     */
    public boolean permits(String host, InetAddress address) {
        return hosts.contains(stripDot(host.toLowerCase(Locale.ROOT)))
                || ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** @return true when nothing is listed */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** @return the entries as configured, lower case */
    public List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
