package org.atelier.plugin.api.detect;

import java.util.Objects;
import org.atelier.plugin.api.ImageFormat;

/**
 * One image put to a detector.
 *
 * <p>The byte array is the kernel's own copy of the original upload (or remote fetch) and is
 * shared between detectors: read it, never change it.
 *
 * @param original the original bytes, before orientation, stripping or cloaking
 * @param format   the format sniffed from the bytes
 * @param width    the image's width in pixels, as the kernel read it from the header
 * @param height   the image's height in pixels
 * @param metadata the metadata the kernel read from the original bytes
 * @param origin   where the image came from
 */
public record DetectionRequest(byte[] original, ImageFormat format, int width, int height,
                               ImageMetadata metadata, ImageOrigin origin) {
    /**
     * Validates the components.
     *
     * @param original the original bytes
     * @param format   the sniffed format
     * @param width    width in pixels, positive
     * @param height   height in pixels, positive
     * @param metadata the metadata read
     * @param origin   where the image came from
     */
    public DetectionRequest {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(origin, "origin");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
    }
}
