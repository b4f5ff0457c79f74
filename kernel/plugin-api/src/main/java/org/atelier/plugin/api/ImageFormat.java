package org.atelier.plugin.api;

/**
 * An image format as the kernel sniffed it from the bytes (never from a file name or a declared
 * content type).
 */
public enum ImageFormat {
    /** JPEG (JFIF or EXIF). */
    JPEG("image/jpeg"),
    /** PNG, including APNG. */
    PNG("image/png"),
    /** GIF, possibly animated. */
    GIF("image/gif"),
    /** WebP, lossy or lossless, possibly animated. */
    WEBP("image/webp");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * The IANA media type of this format.
     *
     * @return for example {@code image/png}
     */
    public String mediaType() {
        return mediaType;
    }
}
