package org.atelier.server.media;

/**
 * A rectangle of the upright image (after EXIF orientation), as fractions of its width and
 * height, so that it stays valid whatever size the image is rendered at. The artist's crop tool
 * produces these; a custom crop is honoured exactly.
 *
 * @param x left edge, 0..1
 * @param y top edge, 0..1
 * @param w width, more than 0, with x + w ≤ 1
 * @param h height, more than 0, with y + h ≤ 1
 */
public record CropRect(double x, double y, double w, double h) {

    /** Rounding slack for rectangles computed by a browser's crop tool. */
    private static final double EPSILON = 1e-9;

    /**
     * Validates the rectangle.
     *
     * @param x left edge
     * @param y top edge
     * @param w width
     * @param h height
     * @throws IllegalArgumentException if it does not lie within the image or is empty
     */
    public CropRect {
        if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1 + EPSILON && y + h <= 1 + EPSILON)) {
            throw new IllegalArgumentException(
                    "a crop must be a non-empty rectangle within the image (0..1): " + x + ", " + y + ", " + w + ", " + h);
        }
    }

    /**
     * Reads a rectangle written as {@code x,y,w,h} (how the API takes it and the media row keeps it).
     *
     * @param text four comma-separated fractions
     * @return the rectangle
     * @throws IllegalArgumentException if the text is not four numbers or the rectangle is not
     *                                  within the image
     */
    public static CropRect parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("a crop is x,y,w,h: " + text);
        }
        return new CropRect(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
    }

    /**
     * This rectangle as {@link #parse} reads it.
     *
     * @return {@code x,y,w,h}
     */
    public String text() {
        return x + "," + y + "," + w + "," + h;
    }

    /**
     * The whole image.
     *
     * @return (0, 0, 1, 1)
     */
    public static CropRect full() {
        return new CropRect(0, 0, 1, 1);
    }

    /**
     * The largest rectangle of the given aspect ratio that fits in the image, centred on the
     * focal point as far as the image's edges allow (it slides, it never shrinks).
     *
     * @param width  upright image width, pixels
     * @param height upright image height, pixels
     * @param aspect width ÷ height of the rectangle (1 for a square)
     * @param focus  where to centre it
     * @return the rectangle
     */
    public static CropRect largestCentred(int width, int height, double aspect, FocalPoint focus) {
        if (width <= 0 || height <= 0 || !(aspect > 0) || Double.isInfinite(aspect)) {
            throw new IllegalArgumentException("bad image size or aspect ratio");
        }
        double cw;
        double ch;
        if ((double) width / height >= aspect) {
            ch = height;
            cw = height * aspect;
        } else {
            cw = width;
            ch = width / aspect;
        }
        double left = clamp(focus.x() * width - cw / 2, 0, width - cw);
        double top = clamp(focus.y() * height - ch / 2, 0, height - ch);
        return new CropRect(left / width, top / height, Math.min(1 - left / width, cw / width),
                Math.min(1 - top / height, ch / height));
    }

    /**
     * This rectangle in pixels of an image of the given size.
     *
     * @param width  image width
     * @param height image height
     * @return {x, y, w, h} in (fractional) pixels, within the image
     */
    public double[] toPixels(int width, int height) {
        double px = x * width;
        double py = y * height;
        double pw = Math.min(w * width, width - px);
        double ph = Math.min(h * height, height - py);
        return new double[] {px, py, pw, ph};
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
