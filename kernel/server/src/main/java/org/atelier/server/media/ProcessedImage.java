package org.atelier.server.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.atelier.plugin.api.ImageFormat;
import org.atelier.plugin.api.detect.ImageMetadata;

/**
 * Everything the pipeline made of one image, in memory, ready to store.
 *
 * @param format            the original's sniffed format
 * @param width             upright width (after EXIF orientation)
 * @param height            upright height
 * @param frameCount        1, or the number of frames of an animated GIF
 * @param orientation       the EXIF orientation that was applied
 * @param metadata          every metadata tag of the original (bounded), for the media record and detectors
 * @param provenance        the provenance summary
 * @param metadataTruncated some metadata was cut to stay within bounds, or could not be parsed
 * @param blurhash          the BlurHash placeholder (4 × 3 components)
 * @param renditions        the renditions by name, smallest display size first
 */
public record ProcessedImage(ImageFormat format, int width, int height, int frameCount, Orientation orientation,
                             ImageMetadata metadata, Provenance provenance, boolean metadataTruncated,
                             String blurhash, Map<String, Rendition> renditions) {

    /**
     * Validates and copies the components (keeping the renditions' order).
     *
     * @param format            format
     * @param width             width
     * @param height            height
     * @param frameCount        frames
     * @param orientation       orientation
     * @param metadata          metadata
     * @param provenance        provenance
     * @param metadataTruncated truncation flag
     * @param blurhash          blurhash
     * @param renditions        renditions
     */
    public ProcessedImage {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(blurhash, "blurhash");
        renditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renditions));
    }

    /**
     * A rendition by name.
     *
     * @param name for example {@code thumbnail}
     * @return it, if it was made
     */
    public Optional<Rendition> rendition(String name) {
        return Optional.ofNullable(renditions.get(name));
    }

    /**
     * Whether the original is an animation.
     *
     * @return true for animated GIFs
     */
    public boolean animated() {
        return frameCount > 1;
    }
}
