package org.atelier.server.media;

import java.util.ArrayList;
import java.util.List;

/**
 * High-quality downscaling of a rectangle of an image to an exact output size.
 *
 * <p>How, and why: the rectangle is first halved with an exact 2×2 box average as many times as
 * the output still needs at most half of it (each halving reads every pixel once and is a true
 * area average, so it cannot alias), then the remaining factor — always below 2 — is done with
 * a separable Catmull-Rom bicubic filter whose support is widened by that factor (so it
 * averages, rather than point-samples, when it shrinks). That is the libvips recipe
 * (shrink, then reduce): sharp, no jaggies, and cheap, because the expensive filter only ever
 * runs on an image at most twice the output size. Transparent images are premultiplied while
 * they are filtered so that transparent pixels' colours do not bleed into the edges.
 *
 * <p>A {@link Region} keeps its halvings, so several outputs of one image (display sizes) share
 * them. Filter taps never reach outside the requested rectangle (edges are clamped), so a crop's
 * pixels come from the crop only (up to the box average's 1-pixel rounding at unaligned edges of
 * the halved levels).
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * An integer-aligned rectangle of an image, premultiplied if transparent, with its halvings
     * computed on demand. Not thread-safe; one per processing call.
     */
    static final class Region {
        private final List<Level> levels = new ArrayList<>();
        private final boolean alpha;
        /** Where the region starts in the image, in image pixels. */
        private final int originX;
        private final int originY;

        /** Level j: the region shrunk by 2^j. */
        private record Level(int[] data, int stride, int offset, int width, int height) {
        }

        /**
         * A region of the image.
         *
         * @param image the image
         * @param x     left edge, image pixels
         * @param y     top edge
         * @param w     width
         * @param h     height
         */
        Region(Pixels image, int x, int y, int w, int h) {
            if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > image.width || y + h > image.height) {
                throw new IllegalArgumentException("region outside the image");
            }
            this.alpha = image.alpha;
            this.originX = x;
            this.originY = y;
            if (!alpha) {
                // opaque: level 0 is a view into the image's own array, no copy
                levels.add(new Level(image.argb, image.width, y * image.width + x, w, h));
            } else {
                int[] pre = new int[w * h];
                for (int row = 0; row < h; row++) {
                    int src = (y + row) * image.width + x;
                    for (int col = 0; col < w; col++) {
                        pre[row * w + col] = premultiply(image.argb[src + col]);
                    }
                }
                levels.add(new Level(pre, w, 0, w, h));
            }
        }

        /** The whole image. */
        static Region whole(Pixels image) {
            return new Region(image, 0, 0, image.width, image.height);
        }

        /**
         * The image-pixel rectangle (x, y, w, h, fractional) resampled to outW × outH.
         *
         * @return non-premultiplied pixels of the output
         */
        Pixels resample(double x, double y, double w, double h, int outW, int outH) {
            if (outW <= 0 || outH <= 0 || w <= 0 || h <= 0) {
                throw new IllegalArgumentException("empty resample");
            }
            double scale = Math.min(w / outW, h / outH);
            int j = 0;
            // halve while the output still needs at most half the pixels in both directions
            while (scale >= 2.0 && levels.get(j).width >= 2 && levels.get(j).height >= 2) {
                scale /= 2;
                j++;
                level(j);
            }
            Level level = levels.get(j);
            double f = 1.0 / (1 << j);
            // the rectangle in this level's coordinates, relative to the region's origin
            double lx = (x - originX) * f;
            double ly = (y - originY) * f;
            double lw = w * f;
            double lh = h * f;
            // taps are clamped to the pixels the rectangle touches
            int minX = clamp((int) Math.floor(lx + 1e-9), 0, level.width - 1);
            int maxX = clamp((int) Math.ceil(lx + lw - 1e-9), minX + 1, level.width);
            int minY = clamp((int) Math.floor(ly + 1e-9), 0, level.height - 1);
            int maxY = clamp((int) Math.ceil(ly + lh - 1e-9), minY + 1, level.height);
            Taps tx = Taps.of(lx, lw, outW, minX, maxX);
            Taps ty = Taps.of(ly, lh, outH, minY, maxY);
            int[] out = convolve(level, tx, ty, outW, outH, minY, maxY, alpha);
            if (alpha) {
                boolean anyTransparent = false;
                for (int i = 0; i < out.length; i++) {
                    out[i] = unpremultiply(out[i]);
                    anyTransparent |= out[i] >>> 24 != 0xff;
                }
                return new Pixels(outW, outH, out, anyTransparent);
            }
            return new Pixels(outW, outH, out, false);
        }

        private Level level(int j) {
            while (levels.size() <= j) {
                levels.add(halve(levels.get(levels.size() - 1)));
            }
            return levels.get(j);
        }
    }

    /** A 2×2 box average; an odd last row or column averages what is there. */
    private static Region.Level halve(Region.Level in) {
        int w = (in.width() + 1) / 2;
        int h = (in.height() + 1) / 2;
        int[] out = new int[w * h];
        int[] d = in.data();
        for (int y = 0; y < h; y++) {
            int r0 = in.offset() + 2 * y * in.stride();
            int r1 = 2 * y + 1 < in.height() ? r0 + in.stride() : r0;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int c0 = 2 * x;
                int c1 = c0 + 1 < in.width() ? c0 + 1 : c0;
                int p0 = d[r0 + c0];
                int p1 = d[r0 + c1];
                int p2 = d[r1 + c0];
                int p3 = d[r1 + c1];
                int a = ((p0 >>> 24) + (p1 >>> 24) + (p2 >>> 24) + (p3 >>> 24) + 2) >> 2;
                int r = (((p0 >> 16) & 0xff) + ((p1 >> 16) & 0xff) + ((p2 >> 16) & 0xff) + ((p3 >> 16) & 0xff) + 2) >> 2;
                int g = (((p0 >> 8) & 0xff) + ((p1 >> 8) & 0xff) + ((p2 >> 8) & 0xff) + ((p3 >> 8) & 0xff) + 2) >> 2;
                int b = ((p0 & 0xff) + (p1 & 0xff) + (p2 & 0xff) + (p3 & 0xff) + 2) >> 2;
                out[o + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return new Region.Level(out, w, 0, w, h);
    }

    /** Per output pixel: the first source index and the normalised weights of its taps. */
    private record Taps(int[] start, int[] count, float[] weights, int maxTaps) {

        /** Catmull-Rom (bicubic, a = -0.5). */
        private static double kernel(double x) {
            x = Math.abs(x);
            if (x < 1) {
                return (1.5 * x - 2.5) * x * x + 1;
            }
            if (x < 2) {
                return ((-0.5 * x + 2.5) * x - 4) * x + 2;
            }
            return 0;
        }

        static Taps of(double origin, double length, int out, int min, int max) {
            double scale = length / out;
            double filterScale = Math.max(scale, 1.0);
            double support = 2.0 * filterScale;
            int maxTaps = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[out];
            int[] count = new int[out];
            float[] weights = new float[out * maxTaps];
            double[] tmp = new double[maxTaps];
            for (int i = 0; i < out; i++) {
                double centre = origin + (i + 0.5) * scale;
                int lo = Math.max((int) Math.floor(centre - support), min);
                int hi = Math.min((int) Math.ceil(centre + support), max);
                if (hi - lo > maxTaps) {
                    hi = lo + maxTaps;
                }
                double sum = 0;
                int n = 0;
                for (int s = lo; s < hi; s++) {
                    double wgt = kernel((s + 0.5 - centre) / filterScale);
                    tmp[n++] = wgt;
                    sum += wgt;
                }
                if (n == 0 || sum == 0) {
                    // degenerate (a rectangle thinner than a pixel): take the nearest pixel
                    lo = clamp((int) Math.floor(centre), min, max - 1);
                    n = 1;
                    tmp[0] = 1;
                    sum = 1;
                }
                start[i] = lo;
                count[i] = n;
                for (int k = 0; k < n; k++) {
                    weights[i * maxTaps + k] = (float) (tmp[k] / sum);
                }
            }
            return new Taps(start, count, weights, maxTaps);
        }
    }

    /** Fixed-point weight precision: 14 bits keeps 255 × weight sums well inside an int. */
    private static final int SHIFT = 14;
    private static final int ROUND = 1 << (SHIFT - 1);

    /** Weights in fixed point, each output's summing to exactly 1 so flat areas stay exact. */
    private static int[] fixedWeights(Taps t) {
        int[] w = new int[t.weights.length];
        for (int i = 0; i < t.count.length; i++) {
            int base = i * t.maxTaps;
            int sum = 0;
            int largest = base;
            for (int k = 0; k < t.count[i]; k++) {
                w[base + k] = Math.round(t.weights[base + k] * (1 << SHIFT));
                sum += w[base + k];
                if (w[base + k] > w[largest]) {
                    largest = base + k;
                }
            }
            w[largest] += (1 << SHIFT) - sum;
        }
        return w;
    }

    /**
     * Horizontal pass over the rows the vertical pass needs, into 8-bit rows, then vertical.
     * Fixed-point integer arithmetic (as Pillow does): as exact as floats at 8 bits, and faster.
     */
    private static int[] convolve(Region.Level in, Taps tx, Taps ty, int outW, int outH, int minY, int maxY,
                                  boolean alpha) {
        int rows = maxY - minY;
        int[] mid = new int[outW * rows];
        int[] d = in.data();
        int[] wx = fixedWeights(tx);
        int[] wy = fixedWeights(ty);
        for (int y = 0; y < rows; y++) {
            int row = in.offset() + (minY + y) * in.stride();
            int o = y * outW;
            for (int x = 0; x < outW; x++) {
                int s = row + tx.start[x];
                int n = tx.count[x];
                int wi = x * tx.maxTaps;
                int a = ROUND, r = ROUND, g = ROUND, b = ROUND;
                for (int k = 0; k < n; k++) {
                    int p = d[s + k];
                    int wgt = wx[wi + k];
                    r += ((p >> 16) & 0xff) * wgt;
                    g += ((p >> 8) & 0xff) * wgt;
                    b += (p & 0xff) * wgt;
                    if (alpha) {
                        a += (p >>> 24) * wgt;
                    }
                }
                mid[o + x] = alpha ? pack(a >> SHIFT, r >> SHIFT, g >> SHIFT, b >> SHIFT)
                        : 0xff000000 | clamp8(r >> SHIFT) << 16 | clamp8(g >> SHIFT) << 8 | clamp8(b >> SHIFT);
            }
        }
        int[] out = new int[outW * outH];
        for (int y = 0; y < outH; y++) {
            int s0 = ty.start[y] - minY;
            int n = ty.count[y];
            int wi = y * ty.maxTaps;
            int o = y * outW;
            for (int x = 0; x < outW; x++) {
                int a = ROUND, r = ROUND, g = ROUND, b = ROUND;
                int idx = s0 * outW + x;
                for (int k = 0; k < n; k++, idx += outW) {
                    int p = mid[idx];
                    int wgt = wy[wi + k];
                    r += ((p >> 16) & 0xff) * wgt;
                    g += ((p >> 8) & 0xff) * wgt;
                    b += (p & 0xff) * wgt;
                    if (alpha) {
                        a += (p >>> 24) * wgt;
                    }
                }
                out[o + x] = alpha ? pack(a >> SHIFT, r >> SHIFT, g >> SHIFT, b >> SHIFT)
                        : 0xff000000 | clamp8(r >> SHIFT) << 16 | clamp8(g >> SHIFT) << 8 | clamp8(b >> SHIFT);
            }
        }
        return out;
    }

    private static int pack(int a, int r, int g, int b) {
        int ai = clamp8(a);
        // premultiplied colour can never exceed alpha; bicubic overshoot could make it
        return ai << 24 | Math.min(clamp8(r), ai) << 16 | Math.min(clamp8(g), ai) << 8 | Math.min(clamp8(b), ai);
    }

    private static int clamp8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    static int premultiply(int p) {
        int a = p >>> 24;
        if (a == 0xff) {
            return p;
        }
        if (a == 0) {
            return 0;
        }
        int r = ((p >> 16) & 0xff) * a / 255;
        int g = ((p >> 8) & 0xff) * a / 255;
        int b = (p & 0xff) * a / 255;
        return a << 24 | r << 16 | g << 8 | b;
    }

    static int unpremultiply(int p) {
        int a = p >>> 24;
        if (a == 0xff || a == 0) {
            return a == 0 ? 0 : p;
        }
        int r = Math.min(255, (((p >> 16) & 0xff) * 255 + a / 2) / a);
        int g = Math.min(255, (((p >> 8) & 0xff) * 255 + a / 2) / a);
        int b = Math.min(255, ((p & 0xff) * 255 + a / 2) / a);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
