package org.atelier.server.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks a PNG's chunks without decoding it, and inflates compressed chunks with a cap.
 *
 * <p>Why our own walk: compressed text ({@code zTXt}, compressed {@code iTXt}) and ICC
 * ({@code iCCP}) chunks are zlib streams, and general-purpose readers inflate them whole — a
 * one-megabyte chunk of zeros inflates to a gigabyte. Here every inflate stops at a cap, text
 * chunks are read by us, and the metadata library is only handed a copy of the file without the
 * chunks it could choke on.
 */
final class PngChunks {

    /** Most bytes a compressed chunk may inflate to before it is given up. */
    static final int MAX_INFLATED = 1 << 20;

    /** A chunk: its type and where its data is. */
    record Chunk(String type, int dataOffset, int length) {
    }

    /** A text chunk, read. */
    record Text(String chunkType, String keyword, String value, boolean truncated) {
    }

    private PngChunks() {
    }

    /** Every chunk up to IEND (or up to where the file stops making sense), pixel data included. */
    static List<Chunk> chunks(byte[] b) {
        List<Chunk> out = new ArrayList<>();
        int pos = 8;
        while (pos + 12 <= b.length) {
            long length = readInt(b, pos) & 0xffffffffL;
            if (length > b.length - pos - 12) {
                break; // truncated or lying: stop, the decoder will refuse it if it matters
            }
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            out.add(new Chunk(type, pos + 8, (int) length));
            pos += 12 + (int) length;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out;
    }

    /**
     * Whether the chunk structure is whole: every chunk fits in the file, there is pixel data, and
     * the walk ends at IEND (or exactly at the end of the file, which only lacks IEND itself).
     */
    static boolean complete(byte[] b) {
        List<Chunk> chunks = chunks(b);
        if (chunks.isEmpty() || chunks.stream().noneMatch(c -> c.type().equals("IDAT"))) {
            return false;
        }
        Chunk last = chunks.get(chunks.size() - 1);
        return last.type().equals("IEND") || last.dataOffset() + last.length() + 4 == b.length;
    }

    /** Whether a chunk of this type is present. */
    static boolean has(byte[] b, String type) {
        return chunks(b).stream().anyMatch(c -> c.type().equals(type));
    }

    /** Every tEXt, zTXt and iTXt chunk, with compressed ones inflated up to the cap. */
    static List<Text> texts(byte[] b, int maxChars) {
        List<Text> out = new ArrayList<>();
        for (Chunk c : chunks(b)) {
            switch (c.type()) {
                case "tEXt" -> {
                    int nul = indexOf(b, c.dataOffset(), c.dataOffset() + c.length(), (byte) 0);
                    if (nul < 0) {
                        continue;
                    }
                    String key = latin1(b, c.dataOffset(), nul);
                    String value = latin1(b, nul + 1, c.dataOffset() + c.length());
                    out.add(text("tEXt", key, value, false, maxChars));
                }
                case "zTXt" -> {
                    int nul = indexOf(b, c.dataOffset(), c.dataOffset() + c.length(), (byte) 0);
                    if (nul < 0 || nul + 2 > c.dataOffset() + c.length()) {
                        continue;
                    }
                    String key = latin1(b, c.dataOffset(), nul);
                    Inflated inflated = inflate(b, nul + 2, c.dataOffset() + c.length() - nul - 2, MAX_INFLATED);
                    out.add(text("zTXt", key, new String(inflated.bytes(), StandardCharsets.ISO_8859_1),
                            inflated.truncated(), maxChars));
                }
                case "iTXt" -> {
                    int end = c.dataOffset() + c.length();
                    int nul = indexOf(b, c.dataOffset(), end, (byte) 0);
                    if (nul < 0 || nul + 3 > end) {
                        continue;
                    }
                    String key = latin1(b, c.dataOffset(), nul);
                    boolean compressed = b[nul + 1] != 0;
                    int lang = indexOf(b, nul + 3, end, (byte) 0);
                    int translated = lang < 0 ? -1 : indexOf(b, lang + 1, end, (byte) 0);
                    if (translated < 0) {
                        continue;
                    }
                    int start = translated + 1;
                    if (compressed) {
                        Inflated inflated = inflate(b, start, end - start, MAX_INFLATED);
                        out.add(text("iTXt", key, new String(inflated.bytes(), StandardCharsets.UTF_8),
                                inflated.truncated(), maxChars));
                    } else {
                        out.add(text("iTXt", key, new String(b, start, end - start, StandardCharsets.UTF_8), false,
                                maxChars));
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static Text text(String type, String key, String value, boolean truncated, int maxChars) {
        if (value.length() > maxChars) {
            return new Text(type, key, value.substring(0, maxChars), true);
        }
        return new Text(type, key, value, truncated);
    }

    /** The embedded ICC profile's bytes, if present and it inflates within the cap. */
    static Optional<byte[]> iccProfile(byte[] b) {
        for (Chunk c : chunks(b)) {
            if (c.type().equals("iCCP")) {
                int end = c.dataOffset() + c.length();
                int nul = indexOf(b, c.dataOffset(), end, (byte) 0);
                if (nul < 0 || nul + 2 > end) {
                    return Optional.empty();
                }
                Inflated inflated = inflate(b, nul + 2, end - nul - 2, MAX_INFLATED);
                return inflated.truncated() ? Optional.empty() : Optional.of(inflated.bytes());
            }
            if (c.type().equals("IDAT")) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * A copy of the PNG for the metadata library: no pixel data (it does not need it), no text
     * chunks (read here instead), and no compressed chunk that would inflate past the cap. An
     * XMP packet in iTXt is kept when it fits, because the library parses XMP.
     */
    static byte[] forMetadataLibrary(byte[] b) {
        Set<String> dropped = Set.of("IDAT", "fdAT", "tEXt", "zTXt");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, 8);
        for (Chunk c : chunks(b)) {
            if (dropped.contains(c.type())) {
                continue;
            }
            if (c.type().equals("iTXt") && !isBoundedXmp(b, c)) {
                continue;
            }
            if (c.type().equals("iCCP") && iccProfile(b).isEmpty()) {
                continue;
            }
            out.write(b, c.dataOffset() - 8, c.length() + 12);
        }
        return out.toByteArray();
    }

    private static boolean isBoundedXmp(byte[] b, Chunk c) {
        int end = c.dataOffset() + c.length();
        int nul = indexOf(b, c.dataOffset(), end, (byte) 0);
        if (nul < 0 || nul + 3 > end || !latin1(b, c.dataOffset(), nul).equals("XML:com.adobe.xmp")) {
            return false;
        }
        if (b[nul + 1] == 0) {
            return true;
        }
        int lang = indexOf(b, nul + 3, end, (byte) 0);
        int translated = lang < 0 ? -1 : indexOf(b, lang + 1, end, (byte) 0);
        return translated >= 0 && !inflate(b, translated + 1, end - translated - 1, MAX_INFLATED).truncated();
    }

    /** Inflated bytes, and whether the stream was cut at the cap (or was damaged). */
    record Inflated(byte[] bytes, boolean truncated) {
    }

    /** Inflates a zlib stream, stopping at {@code cap} bytes. */
    static Inflated inflate(byte[] b, int off, int len, int cap) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, off, Math.max(0, len));
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, Math.max(64, len * 4)));
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf, 0, Math.min(buf.length, cap - out.size() + 1));
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return new Inflated(out.toByteArray(), true);
                }
                out.write(buf, 0, n);
                if (out.size() > cap) {
                    byte[] all = out.toByteArray();
                    return new Inflated(java.util.Arrays.copyOf(all, cap), true);
                }
            }
            return new Inflated(out.toByteArray(), false);
        } catch (DataFormatException e) {
            return new Inflated(new byte[0], true);
        } finally {
            inflater.end();
        }
    }

    static int readInt(byte[] b, int pos) {
        return (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
    }

    private static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
