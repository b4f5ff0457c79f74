package org.atelier.server.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One encoded rendition, held in memory. It carries no metadata of the original: it was
 * re-encoded from pixels.
 *
 * @param name       its name: {@code display-<width slot>}, {@code thumbnail} or {@code cover}
 * @param mediaType  {@code image/jpeg}, {@code image/png} or {@code image/gif}
 * @param width      width in pixels
 * @param height     height in pixels
 * @param frameCount 1, or the number of frames of an animated GIF rendition
 * @param bytes      the encoded file (copied in and out: a rendition cannot be changed)
 */
public record Rendition(String name, String mediaType, int width, int height, int frameCount, byte[] bytes) {

    /**
     * Validates and copies the components.
     *
     * @param name       the name
     * @param mediaType  the media type
     * @param width      width
     * @param height     height
     * @param frameCount frames
     * @param bytes      the file
     */
    public Rendition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        if (width <= 0 || height <= 0 || frameCount <= 0) {
            throw new IllegalArgumentException("a rendition has positive dimensions");
        }
        bytes = bytes.clone();
    }

    /**
     * The encoded file.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The file's size.
     *
     * @return its length in bytes
     */
    public int size() {
        return bytes.length;
    }

    /**
     * Writes the file without copying it.
     *
     * @param out where to
     * @throws IOException if writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rendition r && name.equals(r.name) && mediaType.equals(r.mediaType) && width == r.width
                && height == r.height && frameCount == r.frameCount && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mediaType, width, height, frameCount, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Rendition[" + name + ", " + mediaType + ", " + width + "×" + height + ", " + frameCount + " frame(s), "
                + bytes.length + " bytes]";
    }
}
