package org.atelier.server.posts;

import java.util.List;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One image of a post, as pages and the API show it.
 *
 * @param postId     the post's internal id
 * @param position   its place in the post, from 0
 * @param mediaId    the image's internal id
 * @param publicId   the image's public id (its renditions are {@code /media/<id>/<name>})
 * @param width      upright width of the original
 * @param height     upright height of the original
 * @param frameCount frames (more than 1: animated)
 * @param blurhash   placeholder while loading, possibly empty
 * @param altText    alt text, possibly empty
 * @param focalX     focal point x, 0..1
 * @param focalY     focal point y, 0..1
 * @param renditions its renditions, filled in after the image rows are read
 */
public record PostImage(long postId, int position, long mediaId, String publicId, int width, int height,
                        int frameCount, String blurhash, String altText, double focalX, double focalY,
                        List<RenditionSize> renditions) {

    /**
     * An image as its row is read, before its renditions are.
     *
     * @param postId     the post
     * @param position   its place
     * @param mediaId    the image's internal id
     * @param publicId   the image's public id
     * @param width      width
     * @param height     height
     * @param frameCount frames
     * @param blurhash   blurhash
     * @param altText    alt text
     * @param focalX     focal x
     * @param focalY     focal y
     */
    @JdbiConstructor
    public PostImage(long postId, int position, long mediaId, String publicId, int width, int height, int frameCount,
                     String blurhash, String altText, double focalX, double focalY) {
        this(postId, position, mediaId, publicId, width, height, frameCount, blurhash == null ? "" : blurhash, altText,
                focalX, focalY, List.of());
    }

    /**
     * The same image with its renditions.
     *
     * @param sizes the renditions
     * @return a copy
     */
    public PostImage withRenditions(List<RenditionSize> sizes) {
        return new PostImage(postId, position, mediaId, publicId, width, height, frameCount, blurhash, altText, focalX,
                focalY, List.copyOf(sizes));
    }

    /**
     * A rendition's name and size.
     *
     * @param mediaId   the image it belongs to
     * @param name      e.g. {@code display-1280}, {@code thumbnail}, {@code cover}
     * @param mediaType its type
     * @param width     its width
     * @param height    its height
     */
    public record RenditionSize(long mediaId, String name, String mediaType, int width, int height) {
    }
}
