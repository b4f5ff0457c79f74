package org.atelier.server.media;

import java.time.Instant;
import java.util.Optional;

/**
 * An uploaded image as the instance remembers it.
 *
 * @param id             internal id (the {@code media.render} job's payload)
 * @param publicId       the random id used in URLs (not enumerable)
 * @param ownerId        the uploading account
 * @param format         the sniffed format name
 * @param width          width in pixels: as the headers declare it until ready, then upright
 * @param height         height in pixels: as the headers declare it until ready, then upright
 * @param frameCount     frames (1 for stills)
 * @param originalKey    media-store key of the private original; empty once processing failed
 * @param originalBytes  size of the original
 * @param blurhash       the placeholder hash, once processed
 * @param altText        the description for people who cannot see it
 * @param focalX         focal point, 0..1 from the left
 * @param focalY         focal point, 0..1 from the top
 * @param thumbnailCrop  the artist's thumbnail crop as {@code x,y,w,h}, if chosen
 * @param coverCrop      the artist's cover crop as {@code x,y,w,h}, if chosen
 * @param provenance     what the original's metadata said, as JSON, once processed
 * @param createdAt      when it was uploaded
 * @param state          where its processing is
 * @param progress       how far the current processing is, 0..100 (100 when not processing)
 * @param error          why processing was refused, in words for the artist
 * @param renderRevision raised by every change of framing; a render job records its result only
 *                       while the revision it rendered is current
 */
public record MediaRecord(long id, String publicId, long ownerId, String format, int width, int height, int frameCount,
                          Optional<String> originalKey, long originalBytes, Optional<String> blurhash, String altText,
                          double focalX, double focalY, Optional<String> thumbnailCrop, Optional<String> coverCrop,
                          Optional<String> provenance, Instant createdAt, MediaState state, int progress,
                          Optional<String> error, int renderRevision) {

    /**
     * The artist's framing as stored.
     *
     * @return focal point and crops
     */
    public Framing framing() {
        return new Framing(new FocalPoint(focalX, focalY), thumbnailCrop.map(CropRect::parse),
                coverCrop.map(CropRect::parse));
    }
}
