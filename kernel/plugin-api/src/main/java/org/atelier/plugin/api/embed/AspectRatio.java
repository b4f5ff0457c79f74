package org.atelier.plugin.api.embed;

/**
 * The shape of an embed's frame.
 *
 * @param width  relative width, positive
 * @param height relative height, positive
 */
public record AspectRatio(int width, int height) {
    /** Widescreen video. */
    public static final AspectRatio WIDESCREEN = new AspectRatio(16, 9);
    /** Square frames. */
    public static final AspectRatio SQUARE = new AspectRatio(1, 1);
    /** Portrait video such as shorts. */
    public static final AspectRatio PORTRAIT = new AspectRatio(9, 16);

    /**
     * Validates that both sides are positive.
     *
     * @param width  relative width
     * @param height relative height
     */
    public AspectRatio {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("aspect ratio sides must be positive");
        }
    }

    /**
     * The height as a percentage of the width, for CSS padding boxes.
     *
     * @return for example 56.25 for 16:9
     */
    public double heightPercent() {
        return 100.0 * height / width;
    }
}
