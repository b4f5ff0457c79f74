package org.atelier.server.media;

import java.time.Instant;

/**
 * An uploaded image as the instance remembers it.
 *
 * @param id            internal id
 * @param publicId      the random id used in URLs (not enumerable)
 * @param ownerId       the uploading account
 * @param format        the sniffed format name
 * @param width         upright width in pixels
 * @param height        upright height in pixels
 * @param frameCount    frames (1 for stills)
 * @param originalKey   media-store key of the private original
 * @param originalBytes size of the original
 * @param blurhash      the placeholder hash
 * @param altText       the description for people who cannot see it
 * @param focalX        focal point, 0..1 from the left
 * @param focalY        focal point, 0..1 from the top
 * @param thumbnailCrop the artist's thumbnail crop as {@code x,y,w,h}, if chosen
 * @param coverCrop     the artist's cover crop as {@code x,y,w,h}, if chosen
 * @param provenance    what the original's metadata said, as JSON
 * @param createdAt     when it was uploaded
 */
public record MediaRecord(long id, String publicId, long ownerId, String format, int width, int height, int frameCount,
                          String originalKey, long originalBytes, String blurhash, String altText, double focalX,
                          double focalY, java.util.Optional<String> thumbnailCrop,
                          java.util.Optional<String> coverCrop, String provenance, Instant createdAt) {
}
