package org.atelier.server.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * An image as packed 8-bit ARGB in one int array (row-major, no padding): the one shape the
 * pipeline's own pixel code works on, so resampling, cropping and orientation are plain loops
 * rather than Java2D's many format-specific paths.
 *
 * <p>Colour values are <em>not</em> premultiplied. {@code alpha} is false when every pixel is
 * opaque, which lets the encoders pick JPEG and the resampler skip premultiplication.
 */
final class Pixels {
    final int width;
    final int height;
    final int[] argb;
    final boolean alpha;

    Pixels(int width, int height, int[] argb, boolean alpha) {
        if ((long) width * height != argb.length) {
            throw new IllegalArgumentException("pixel array does not match " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.alpha = alpha;
    }

    /**
     * Takes the pixels of a decoded image, sharing its array when it already is packed int RGB
     * or ARGB (what the JPEG decode is asked for), converting otherwise.
     */
    static Pixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == w && db.getOffset() == 0 && image.getRaster().getParent() == null
                && db.getData().length == w * h) {
            int[] data = db.getData();
            if (type == BufferedImage.TYPE_INT_RGB) {
                // the top byte of TYPE_INT_RGB is undefined: make it opaque
                for (int i = 0; i < data.length; i++) {
                    data[i] |= 0xff000000;
                }
                return new Pixels(w, h, data, false);
            }
            return new Pixels(w, h, data, anyTransparent(data));
        }
        if (image.getRaster().getDataBuffer() instanceof DataBufferByte db
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm
                && image.getRaster().getParent() == null && db.getOffset() == 0
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_RGB
                && (sm.getNumBands() == 3 || (sm.getNumBands() == 4 && image.getColorModel().hasAlpha()))
                && sm.getPixelStride() == sm.getNumBands() && sm.getScanlineStride() == w * sm.getNumBands()) {
            // what the JPEG and PNG decoders return (3BYTE_BGR, 4BYTE_ABGR, or the same layout in an
            // embedded ICC space): repack the raw samples directly, ten times faster than getRGB's
            // per-pixel colour-model calls. Raw means unconverted: an embedded profile is applied to
            // the outputs by ColorProfiles, so it must not be applied here too.
            byte[] src = db.getData();
            int[] off = sm.getBandOffsets();
            int stride = sm.getPixelStride();
            int[] data = new int[w * h];
            if (stride == 3) {
                for (int i = 0, j = 0; i < data.length; i++, j += 3) {
                    data[i] = 0xff000000 | (src[j + off[0]] & 0xff) << 16 | (src[j + off[1]] & 0xff) << 8
                            | (src[j + off[2]] & 0xff);
                }
                return new Pixels(w, h, data, false);
            }
            for (int i = 0, j = 0; i < data.length; i++, j += 4) {
                data[i] = (src[j + off[3]] & 0xff) << 24 | (src[j + off[0]] & 0xff) << 16
                        | (src[j + off[1]] & 0xff) << 8 | (src[j + off[2]] & 0xff);
            }
            if (image.isAlphaPremultiplied()) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = Resampler.unpremultiply(data[i]);
                }
            }
            return new Pixels(w, h, data, anyTransparent(data));
        }
        int[] data = image.getRGB(0, 0, w, h, null, 0, w);
        boolean alpha = image.getColorModel().hasAlpha() && anyTransparent(data);
        return new Pixels(w, h, data, alpha);
    }

    private static boolean anyTransparent(int[] data) {
        for (int p : data) {
            if (p >>> 24 != 0xff) {
                return true;
            }
        }
        return false;
    }

    /** These pixels as a BufferedImage sharing the array (INT_ARGB with alpha, INT_RGB without). */
    BufferedImage toImage() {
        DataBufferInt buffer = new DataBufferInt(argb, argb.length);
        DirectColorModel cm = alpha
                ? new DirectColorModel(32, 0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000)
                : new DirectColorModel(24, 0x00ff0000, 0x0000ff00, 0x000000ff, 0);
        int[] masks = alpha ? new int[] {0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000}
                : new int[] {0x00ff0000, 0x0000ff00, 0x000000ff};
        var raster = java.awt.image.Raster.createPackedRaster(buffer, width, height, width, masks, null);
        return new BufferedImage(cm, raster, false, null);
    }
}
