package org.atelier.server.media;

/**
 * Where the artist says the subject of an image is, in the upright image, as fractions of its
 * width and height (0,0 = top-left, 1,1 = bottom-right). Default crops are centred on it.
 *
 * @param x horizontal position, 0..1
 * @param y vertical position, 0..1
 */
public record FocalPoint(double x, double y) {

    /**
     * Validates the point.
     *
     * @param x horizontal position, 0..1
     * @param y vertical position, 0..1
     * @throws IllegalArgumentException if a coordinate is outside 0..1 or not a number
     */
    public FocalPoint {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("a focal point must lie within the image (0..1): " + x + ", " + y);
        }
    }

    /**
     * The centre of the image, the default.
     *
     * @return (0.5, 0.5)
     */
    public static FocalPoint centre() {
        return new FocalPoint(0.5, 0.5);
    }
}
