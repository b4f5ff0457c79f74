package org.atelier.server.text;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments for the links the renderer makes. */
final class Paths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Paths() {
    }

    /**
     * Encodes everything but RFC 3986 unreserved characters and {@code @} and {@code :} (which
     * a path segment may hold and which handles use), so a tag in any script makes a plain ASCII
     * URL that no browser or proxy reinterprets.
     */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@' || c == ':') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
