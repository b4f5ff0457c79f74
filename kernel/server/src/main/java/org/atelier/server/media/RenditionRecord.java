package org.atelier.server.media;

/**
 * One stored rendition of an uploaded image.
 *
 * @param mediaId    the image
 * @param name       {@code display-<width>}, {@code thumbnail} or {@code cover}
 * @param mediaType  its media type
 * @param width      width in pixels
 * @param height     height in pixels
 * @param frameCount frames (animated covers keep theirs)
 * @param byteSize   size in bytes
 * @param contentKey media-store key
 */
public record RenditionRecord(long mediaId, String name, String mediaType, int width, int height, int frameCount,
                              long byteSize, String contentKey) {
}
