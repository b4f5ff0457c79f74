package org.atelier.server.media;

import java.time.Duration;
import java.util.Objects;

/**
 * What the media pipeline accepts. Every check against these runs before pixels are decoded,
 * so a hostile file costs no more than reading its headers. Admins set the main ones as instance
 * settings ({@link MediaSettings}).
 *
 * @param maxBytes            largest accepted file, in bytes
 * @param maxPixels           largest accepted width × height of one image (or of an animation's canvas)
 * @param maxDimension        largest accepted width or height, in pixels
 * @param maxFrames           most frames an animation may have
 * @param maxTotalFramePixels most canvas pixels over all frames of an animation (frames × width × height):
 *                            compositing, cropping and re-encoding cost grows with it
 * @param decodeTimeout       how long reading one image may take before it is given up as hostile
 */
public record MediaLimits(long maxBytes, long maxPixels, int maxDimension, int maxFrames, long maxTotalFramePixels,
                          Duration decodeTimeout) {

    /**
     * Validates the limits.
     *
     * @param maxBytes            largest accepted file, in bytes
     * @param maxPixels           largest accepted width × height
     * @param maxDimension        largest accepted width or height
     * @param maxFrames           most frames of an animation
     * @param maxTotalFramePixels most pixels over all frames
     * @param decodeTimeout       time budget for reading one image
     */
    public MediaLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxDimension <= 0 || maxFrames <= 0 || maxTotalFramePixels <= 0) {
            throw new IllegalArgumentException("media limits must be positive");
        }
        Objects.requireNonNull(decodeTimeout, "decodeTimeout");
        if (decodeTimeout.isNegative() || decodeTimeout.isZero()) {
            throw new IllegalArgumentException("decodeTimeout must be positive");
        }
    }

    /**
     * The defaults: 40 MiB, 50 megapixels, 20,000 px a side, 300 frames, 200 megapixels over all
     * frames, 30 s to decode.
     *
     * @return the default limits
     */
    public static MediaLimits defaults() {
        return new MediaLimits(40L * 1024 * 1024, 50_000_000L, 20_000, 300, 200_000_000L, Duration.ofSeconds(30));
    }

    /**
     * A copy with another byte limit.
     *
     * @param bytes the new limit
     * @return the copy
     */
    public MediaLimits withMaxBytes(long bytes) {
        return new MediaLimits(bytes, maxPixels, maxDimension, maxFrames, maxTotalFramePixels, decodeTimeout);
    }

    /**
     * A copy with another pixel limit.
     *
     * @param pixels the new limit
     * @return the copy
     */
    public MediaLimits withMaxPixels(long pixels) {
        return new MediaLimits(maxBytes, pixels, maxDimension, maxFrames, maxTotalFramePixels, decodeTimeout);
    }

    /**
     * A copy with other animation limits.
     *
     * @param frames      the new frame limit
     * @param totalPixels the new limit on pixels over all frames
     * @return the copy
     */
    public MediaLimits withAnimationLimits(int frames, long totalPixels) {
        return new MediaLimits(maxBytes, maxPixels, maxDimension, frames, totalPixels, decodeTimeout);
    }

    /**
     * A copy with another decode time budget.
     *
     * @param timeout the new budget
     * @return the copy
     */
    public MediaLimits withDecodeTimeout(Duration timeout) {
        return new MediaLimits(maxBytes, maxPixels, maxDimension, maxFrames, maxTotalFramePixels, timeout);
    }
}
