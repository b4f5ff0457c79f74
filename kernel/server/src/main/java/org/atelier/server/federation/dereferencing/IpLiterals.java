package org.atelier.server.federation.dereferencing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS. IPv4 is accepted only as four decimal
 * parts without leading zeros ({@code 10.0.0.1}): the C library also reads {@code 127.1},
 * {@code 2130706433}, {@code 0x7f.0.0.1} and {@code 0177.0.0.1} as 127.0.0.1, and a host
 * written like that is how a request is smuggled past a check that reads it differently.
 */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    /** The last label of a host that the URL standard reads as a number: decimal, or hex with 0x. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private IpLiterals() {
    }

    /**
     * Parses an IP address literal.
     *
     * @param text {@code a.b.c.d}, or an IPv6 address with or without brackets (no zone id)
     * @return the address (IPv6 always as 16 bytes, also in its IPv4-mapped form), or empty when
     *         the text is not a literal in the accepted notation
     */
    static Optional<InetAddress> parse(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(address(bytes));
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        // the character check keeps InetAddress from ever treating the text as a name to look up
        if (!bare.contains(":") || !IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            // a literal is only checked for its format; an IPv4-mapped one comes back as IPv4
            byte[] bytes = InetAddress.getByName(bare).getAddress();
            if (bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Optional.of(address(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a host name would be read as an IPv4 address by the URL standard (and by the C
     * library): its last label is a number. No top-level domain is numeric, so such a host is
     * either an address or a trick.
     *
     * @param host a host name, lower case, without a trailing dot
     * @return true when the last label is decimal or {@code 0x} hex
     */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches();
    }

    /**
     * The address of these bytes, IPv6 even in its IPv4-mapped form (which InetAddress would unwrap).
     *
     * @param bytes 4 or 16 bytes
     * @return the address
     */
    static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
