package org.atelier.server.federation.dereferencing;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A range of IP addresses of one family, {@code address/prefix}. Immutable.
 */
final class Cidr {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses a range. A bare address is the range of that address alone.
     *
     * @param text {@code 10.0.0.0/8}, {@code fc00::/7}, {@code 192.0.2.7}
     * @return the range
     * @throws IllegalArgumentException saying what is wrong: not an address, a prefix out of
     *                                  range, or address bits set after the prefix (a likely typo)
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        byte[] network = IpLiterals.parse(slash < 0 ? text : text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("'" + text
                        + "' does not start with an IP address (a.b.c.d or IPv6)"))
                .getAddress();
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (!prefixText.matches("[0-9]{1,3}") || Integer.parseInt(prefixText) > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not a number from 0 to "
                        + bits);
            }
            prefix = Integer.parseInt(prefixText);
        }
        byte[] cleared = network.clone();
        for (int bit = prefix; bit < bits; bit++) {
            cleared[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        if (!Arrays.equals(cleared, network)) {
            throw new IllegalArgumentException("'" + text + "' has address bits set after its /" + prefix
                    + " prefix; did you mean " + IpLiterals.address(cleared).getHostAddress() + "/" + prefix + "?");
        }
        return new Cidr(network, prefix, text);
    }

    /**
     * Whether an address is in the range. An address of the other family never is.
     *
     * @param address the address
     * @return true when its first prefix bits are the range's
     */
    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /**
     * Whether raw address bytes are in the range.
     *
     * @param address 4 or 16 bytes
     * @return true when of this family and within the range
     */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** @return the range as written */
    @Override
    public String toString() {
        return text;
    }
}
