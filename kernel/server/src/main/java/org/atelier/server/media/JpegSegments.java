package org.atelier.server.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the marker segments of a JPEG header (up to the start of scan) without decoding it: to
 * find a C2PA manifest (APP11 JUMBF boxes) and the ICC profile (APP2), which the pixel decoder
 * does not hand over in a usable way, and to tell a file cut short before decoding it.
 */
final class JpegSegments {

    /** What {@link #walk} returns when the file stops (or ends its image) before a scan starts. */
    private static final int CUT_SHORT = -1;
    /** What {@link #walk} returns for bytes between segments that are not a marker. */
    private static final int UNKNOWN_STRUCTURE = -2;

    /** One marker segment: its marker byte and where its payload is. */
    record Segment(int marker, int offset, int length) {
    }

    private JpegSegments() {
    }

    /** The segments before the first scan. */
    static List<Segment> segments(byte[] b) {
        List<Segment> out = new ArrayList<>();
        walk(b, out);
        return out;
    }

    /**
     * Whether the file is whole, as far as a cheap look can tell: its header segments lead to a
     * start of scan and an end-of-image marker follows it (inside entropy-coded data 0xFF is always
     * followed by 0x00 or a restart marker, so 0xFF 0xD9 after the scan has started is the end). A
     * header the walk does not understand is left for the decoder to judge.
     */
    static boolean complete(byte[] b) {
        int scan = walk(b, new ArrayList<>());
        if (scan < 0) {
            return scan == UNKNOWN_STRUCTURE;
        }
        for (int i = b.length - 2; i > scan; i--) {
            if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xd9) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks the marker segments before the first scan into {@code out}.
     *
     * @return the offset of the start-of-scan marker, {@link #CUT_SHORT} or {@link #UNKNOWN_STRUCTURE}
     */
    private static int walk(byte[] b, List<Segment> out) {
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xff) != 0xff) {
                return UNKNOWN_STRUCTURE;
            }
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xff) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                pos += 2; // no length
                continue;
            }
            if (marker == 0xda) {
                return pos; // start of scan: metadata lives before it
            }
            if (marker == 0xd9) {
                return CUT_SHORT; // end of image before any scan
            }
            int length = (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
            if (length < 2) {
                return UNKNOWN_STRUCTURE;
            }
            if (pos + 2 + length > b.length) {
                return CUT_SHORT;
            }
            out.add(new Segment(marker, pos + 4, length - 2));
            pos += 2 + length;
        }
        return CUT_SHORT;
    }

    /**
     * Whether an APP11 segment carries a JUMBF box labelled {@code c2pa} (the C2PA manifest
     * store). Presence only: validating the manifest's signatures is the detectors' business.
     */
    static boolean hasC2pa(byte[] b) {
        for (Segment s : segments(b)) {
            if (s.marker() == 0xeb && s.length() > 8 && b[s.offset()] == 'J' && b[s.offset() + 1] == 'P'
                    && contains(b, s.offset(), s.offset() + s.length(), "jumb")
                    && contains(b, s.offset(), s.offset() + s.length(), "c2pa")) {
                return true;
            }
        }
        return false;
    }

    /** The ICC profile, reassembled from its APP2 {@code ICC_PROFILE} chunks in sequence order. */
    static Optional<byte[]> iccProfile(byte[] b) {
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        List<Segment> parts = new ArrayList<>();
        for (Segment s : segments(b)) {
            if (s.marker() == 0xe2 && s.length() > id.length + 2 && startsWith(b, s.offset(), id)) {
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        parts.sort((x, y) -> Integer.compare(b[x.offset() + id.length] & 0xff, b[y.offset() + id.length] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment s : parts) {
            int start = s.offset() + id.length + 2;
            out.write(b, start, s.offset() + s.length() - start);
        }
        return Optional.of(out.toByteArray());
    }

    private static boolean startsWith(byte[] b, int off, byte[] prefix) {
        if (off + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] b, int from, int to, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
