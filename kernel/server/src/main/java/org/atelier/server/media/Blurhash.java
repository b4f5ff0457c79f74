package org.atelier.server.media;

import java.awt.image.BufferedImage;

/**
 * The BlurHash encoder (https://blurha.sh, the published algorithm of Wolt's reference
 * implementation): a short string a page can turn into a blurred placeholder while the image
 * loads. Encoding runs on a small downscaled copy (the pipeline hands it about 32 px wide), as
 * the hash only keeps the lowest frequencies anyway.
 */
public final class Blurhash {

    private static final String CHARS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private Blurhash() {
    }

    /**
     * Encodes an image with 4 × 3 components.
     *
     * @param image the (small) image; transparent parts count as white
     * @return the hash, 28 characters
     */
    public static String encode(BufferedImage image) {
        return encode(image, 4, 3);
    }

    /**
     * Encodes an image.
     *
     * @param image       the (small) image; transparent parts count as white
     * @param componentsX horizontal components, 1..9
     * @param componentsY vertical components, 1..9
     * @return the hash
     */
    public static String encode(BufferedImage image, int componentsX, int componentsY) {
        int w = image.getWidth();
        int h = image.getHeight();
        return encode(new Pixels(w, h, image.getRGB(0, 0, w, h, null, 0, w), image.getColorModel().hasAlpha()),
                componentsX, componentsY);
    }

    static String encode(Pixels p, int componentsX, int componentsY) {
        if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9) {
            throw new IllegalArgumentException("blurhash components must be 1..9");
        }
        Pixels img = p.alpha ? Encoders.flatten(p) : p;
        int w = img.width;
        int h = img.height;
        double[] lin = new double[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            int c = img.argb[i];
            lin[i * 3] = toLinear((c >> 16) & 0xff);
            lin[i * 3 + 1] = toLinear((c >> 8) & 0xff);
            lin[i * 3 + 2] = toLinear(c & 0xff);
        }
        double[][] factors = new double[componentsX * componentsY][3];
        for (int j = 0; j < componentsY; j++) {
            for (int i = 0; i < componentsX; i++) {
                double norm = (i == 0 && j == 0) ? 1 : 2;
                double r = 0, g = 0, b = 0;
                for (int y = 0; y < h; y++) {
                    double cy = Math.cos(Math.PI * j * y / h);
                    for (int x = 0; x < w; x++) {
                        double basis = Math.cos(Math.PI * i * x / w) * cy;
                        int k = (y * w + x) * 3;
                        r += basis * lin[k];
                        g += basis * lin[k + 1];
                        b += basis * lin[k + 2];
                    }
                }
                double scale = norm / (w * h);
                factors[j * componentsX + i] = new double[] {r * scale, g * scale, b * scale};
            }
        }
        StringBuilder hash = new StringBuilder();
        base83(hash, (componentsX - 1) + (componentsY - 1) * 9, 1);
        double maximum;
        if (factors.length > 1) {
            double actualMax = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double v : factors[k]) {
                    actualMax = Math.max(actualMax, Math.abs(v));
                }
            }
            int quantisedMax = (int) Math.max(0, Math.min(82, Math.floor(actualMax * 166 - 0.5)));
            maximum = (quantisedMax + 1) / 166.0;
            base83(hash, quantisedMax, 1);
        } else {
            maximum = 1;
            base83(hash, 0, 1);
        }
        double[] dc = factors[0];
        base83(hash, (toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
        for (int k = 1; k < factors.length; k++) {
            double[] f = factors[k];
            int qr = quantiseAc(f[0], maximum);
            int qg = quantiseAc(f[1], maximum);
            int qb = quantiseAc(f[2], maximum);
            base83(hash, qr * 19 * 19 + qg * 19 + qb, 2);
        }
        return hash.toString();
    }

    /**
     * The average colour a hash encodes (its DC component), as 0xRRGGBB: what a page can paint
     * before it decodes the rest.
     *
     * @param hash a blurhash
     * @return the colour
     * @throws IllegalArgumentException if it is not a blurhash
     */
    public static int averageColor(String hash) {
        if (hash.length() < 6) {
            throw new IllegalArgumentException("not a blurhash");
        }
        return decode83(hash.substring(2, 6));
    }

    private static int quantiseAc(double v, double maximum) {
        double n = v / maximum;
        double signPow = Math.copySign(Math.sqrt(Math.abs(n)), n);
        return (int) Math.max(0, Math.min(18, Math.floor(signPow * 9 + 9.5)));
    }

    private static double toLinear(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double v) {
        double c = Math.max(0, Math.min(1, v));
        return c <= 0.0031308 ? (int) (c * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(c, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void base83(StringBuilder out, int value, int length) {
        for (int i = 1; i <= length; i++) {
            int digit = (value / pow83(length - i)) % 83;
            out.append(CHARS.charAt(digit));
        }
    }

    private static int pow83(int n) {
        int r = 1;
        for (int i = 0; i < n; i++) {
            r *= 83;
        }
        return r;
    }

    static int decode83(String s) {
        int v = 0;
        for (char c : s.toCharArray()) {
            int d = CHARS.indexOf(c);
            if (d < 0) {
                throw new IllegalArgumentException("not a blurhash");
            }
            v = v * 83 + d;
        }
        return v;
    }
}
