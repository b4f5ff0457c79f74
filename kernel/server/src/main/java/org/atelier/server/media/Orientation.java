package org.atelier.server.media;

/**
 * The eight EXIF orientations: how the stored pixels must be turned to look right.
 *
 * <p>The pipeline applies an orientation to each small output rather than to the decoded
 * original (which may be 50 megapixels): crop rectangles, given in the upright image's
 * coordinates, are mapped back to stored coordinates with {@link #toStored}, resampled there,
 * and only the result is turned with {@link #apply}.
 */
public enum Orientation {
    /** 1: upright. */
    NORMAL(1),
    /** 2: mirrored left-right. */
    FLIP_HORIZONTAL(2),
    /** 3: upside down. */
    ROTATE_180(3),
    /** 4: mirrored top-bottom. */
    FLIP_VERTICAL(4),
    /** 5: mirrored along the top-left to bottom-right diagonal. */
    TRANSPOSE(5),
    /** 6: must be turned 90° clockwise. */
    ROTATE_90(6),
    /** 7: mirrored along the other diagonal. */
    TRANSVERSE(7),
    /** 8: must be turned 90° anticlockwise. */
    ROTATE_270(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    /**
     * The EXIF tag value (1–8).
     *
     * @return the value
     */
    public int exifValue() {
        return exifValue;
    }

    /**
     * The orientation for an EXIF value; anything outside 1–8 counts as upright (as browsers do).
     *
     * @param value the EXIF Orientation tag value
     * @return the orientation
     */
    public static Orientation ofExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /**
     * Whether width and height trade places.
     *
     * @return true for the four orientations that turn by 90°
     */
    public boolean swapsAxes() {
        return exifValue >= 5;
    }

    /**
     * Maps a rectangle in the upright image to the stored image.
     *
     * @param x       left, upright coordinates (pixels, fractional)
     * @param y       top
     * @param w       width
     * @param h       height
     * @param storedW stored width
     * @param storedH stored height
     * @return {x, y, w, h} in stored coordinates
     */
    double[] toStored(double x, double y, double w, double h, int storedW, int storedH) {
        double[] a = point(x, y, storedW, storedH);
        double[] b = point(x + w, y + h, storedW, storedH);
        double x0 = Math.min(a[0], b[0]);
        double y0 = Math.min(a[1], b[1]);
        return new double[] {x0, y0, Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])};
    }

    /** A point of the upright image (continuous coordinates) in the stored image. */
    private double[] point(double x, double y, int w, int h) {
        return switch (this) {
            case NORMAL -> new double[] {x, y};
            case FLIP_HORIZONTAL -> new double[] {w - x, y};
            case ROTATE_180 -> new double[] {w - x, h - y};
            case FLIP_VERTICAL -> new double[] {x, h - y};
            case TRANSPOSE -> new double[] {y, x};
            case ROTATE_90 -> new double[] {y, h - x};
            case TRANSVERSE -> new double[] {w - y, h - x};
            case ROTATE_270 -> new double[] {w - y, x};
        };
    }

    /** Turns stored pixels upright. */
    Pixels apply(Pixels in) {
        if (this == NORMAL) {
            return in;
        }
        int w = in.width;
        int h = in.height;
        int ow = swapsAxes() ? h : w;
        int oh = swapsAxes() ? w : h;
        int[] src = in.argb;
        int[] out = new int[src.length];
        for (int yo = 0; yo < oh; yo++) {
            for (int xo = 0; xo < ow; xo++) {
                int xi;
                int yi;
                switch (this) {
                    case FLIP_HORIZONTAL -> { xi = w - 1 - xo; yi = yo; }
                    case ROTATE_180 -> { xi = w - 1 - xo; yi = h - 1 - yo; }
                    case FLIP_VERTICAL -> { xi = xo; yi = h - 1 - yo; }
                    case TRANSPOSE -> { xi = yo; yi = xo; }
                    case ROTATE_90 -> { xi = yo; yi = h - 1 - xo; }
                    case TRANSVERSE -> { xi = w - 1 - yo; yi = h - 1 - xo; }
                    default -> { xi = w - 1 - yo; yi = xo; } // ROTATE_270
                }
                out[yo * ow + xo] = src[yi * w + xi];
            }
        }
        return new Pixels(ow, oh, out, in.alpha);
    }
}
