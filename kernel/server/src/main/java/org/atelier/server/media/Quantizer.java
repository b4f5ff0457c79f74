package org.atelier.server.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces a frame to a GIF palette: exact when it has at most 255 colours (typical of pixel art
 * and of GIFs that started as GIFs), otherwise median cut on a 15-bit colour histogram.
 *
 * <p>Why our own: the JDK's GIF writer quantises ARGB images itself but then writes the
 * transparency flag we give it, not the one its palette needs, so transparent areas came out
 * opaque. Indexing here lets every frame say exactly which index is transparent. No dithering:
 * dithering noise changes from frame to frame and shimmers in animations.
 */
final class Quantizer {

    /** An indexed frame and its transparent index (-1 when opaque). */
    record Indexed(BufferedImage image, int transparentIndex) {
    }

    private Quantizer() {
    }

    static Indexed index(Pixels p) {
        int maxColours = p.alpha ? 255 : 256;
        int[] exact = distinctOpaque(p.argb, maxColours);
        int[] palette;
        byte[] indices = new byte[p.argb.length];
        if (exact != null) {
            palette = exact;
            Arrays.sort(palette);
            for (int i = 0; i < p.argb.length; i++) {
                int c = p.argb[i];
                if (c >>> 24 != 0) {
                    indices[i] = (byte) Arrays.binarySearch(palette, c & 0xffffff);
                }
            }
        } else {
            MedianCut cut = new MedianCut(p.argb, maxColours);
            palette = cut.palette;
            for (int i = 0; i < p.argb.length; i++) {
                int c = p.argb[i];
                if (c >>> 24 != 0) {
                    indices[i] = (byte) cut.indexOf[bin15(c)];
                }
            }
        }
        int transparent = -1;
        int size = palette.length;
        if (p.alpha) {
            transparent = size;
            size++;
            for (int i = 0; i < p.argb.length; i++) {
                if (p.argb[i] >>> 24 == 0) {
                    indices[i] = (byte) transparent;
                }
            }
        }
        // GIF palettes are powers of two; pad so the writer needs no conversion
        int bits = 1;
        while ((1 << bits) < size) {
            bits++;
        }
        int entries = 1 << bits;
        byte[] r = new byte[entries];
        byte[] g = new byte[entries];
        byte[] b = new byte[entries];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        IndexColorModel cm = transparent >= 0 ? new IndexColorModel(8, entries, r, g, b, transparent)
                : new IndexColorModel(8, entries, r, g, b);
        BufferedImage image = new BufferedImage(p.width, p.height, BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(indices, 0, target, 0, indices.length);
        return new Indexed(image, transparent);
    }

    /** The distinct RGB values of the opaque pixels, or null as soon as there are more than max. */
    private static int[] distinctOpaque(int[] argb, int max) {
        int capacity = 1024; // open addressing, well over 4× max
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        int count = 0;
        for (int c : argb) {
            if (c >>> 24 == 0) {
                continue;
            }
            int rgb = c & 0xffffff;
            int h = (rgb * 0x9E3779B1) >>> 22;
            while (table[h] != -1 && table[h] != rgb) {
                h = (h + 1) & (capacity - 1);
            }
            if (table[h] == -1) {
                if (++count > max) {
                    return null;
                }
                table[h] = rgb;
            }
        }
        int[] out = new int[count];
        int n = 0;
        for (int v : table) {
            if (v != -1) {
                out[n++] = v;
            }
        }
        return out;
    }

    static int bin15(int c) {
        return ((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f);
    }

    /** Median cut over the 32,768 bins of 5-bit-per-channel colour. */
    private static final class MedianCut {
        final int[] palette;
        final int[] indexOf = new int[1 << 15];

        MedianCut(int[] argb, int maxColours) {
            long[] count = new long[1 << 15];
            long[] sumR = new long[1 << 15];
            long[] sumG = new long[1 << 15];
            long[] sumB = new long[1 << 15];
            for (int c : argb) {
                if (c >>> 24 == 0) {
                    continue;
                }
                int bin = bin15(c);
                count[bin]++;
                sumR[bin] += (c >> 16) & 0xff;
                sumG[bin] += (c >> 8) & 0xff;
                sumB[bin] += c & 0xff;
            }
            int used = 0;
            for (long n : count) {
                if (n > 0) {
                    used++;
                }
            }
            int[] bins = new int[used];
            used = 0;
            for (int i = 0; i < count.length; i++) {
                if (count[i] > 0) {
                    bins[used++] = i;
                }
            }
            List<int[]> boxes = new ArrayList<>(); // {lo, hi} ranges of bins
            boxes.add(new int[] {0, bins.length});
            while (boxes.size() < maxColours) {
                int best = -1;
                long bestScore = 0;
                int bestAxis = 0;
                for (int k = 0; k < boxes.size(); k++) {
                    int[] box = boxes.get(k);
                    if (box[1] - box[0] < 2) {
                        continue;
                    }
                    int[] range = range(bins, box);
                    int axis = range[0] >= range[1] && range[0] >= range[2] ? 0 : range[1] >= range[2] ? 1 : 2;
                    long population = 0;
                    for (int i = box[0]; i < box[1]; i++) {
                        population += count[bins[i]];
                    }
                    long score = population * (range[axis] + 1);
                    if (score > bestScore) {
                        bestScore = score;
                        best = k;
                        bestAxis = axis;
                    }
                }
                if (best < 0) {
                    break;
                }
                int[] box = boxes.get(best);
                sortByAxis(bins, box[0], box[1], bestAxis);
                long total = 0;
                for (int i = box[0]; i < box[1]; i++) {
                    total += count[bins[i]];
                }
                long acc = 0;
                int split = box[0] + 1;
                for (int i = box[0]; i < box[1] - 1; i++) {
                    acc += count[bins[i]];
                    if (acc * 2 >= total) {
                        split = i + 1;
                        break;
                    }
                    split = i + 2;
                }
                split = Math.min(split, box[1] - 1);
                boxes.set(best, new int[] {box[0], split});
                boxes.add(new int[] {split, box[1]});
            }
            palette = new int[boxes.size()];
            for (int k = 0; k < boxes.size(); k++) {
                int[] box = boxes.get(k);
                long n = 0, r = 0, g = 0, b = 0;
                for (int i = box[0]; i < box[1]; i++) {
                    int bin = bins[i];
                    n += count[bin];
                    r += sumR[bin];
                    g += sumG[bin];
                    b += sumB[bin];
                    indexOf[bin] = k;
                }
                palette[k] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }

        private static int[] range(int[] bins, int[] box) {
            int[] min = {31, 31, 31};
            int[] max = {0, 0, 0};
            for (int i = box[0]; i < box[1]; i++) {
                for (int a = 0; a < 3; a++) {
                    int v = component(bins[i], a);
                    min[a] = Math.min(min[a], v);
                    max[a] = Math.max(max[a], v);
                }
            }
            return new int[] {max[0] - min[0], max[1] - min[1], max[2] - min[2]};
        }

        private static int component(int bin, int axis) {
            return (bin >> (10 - 5 * axis)) & 0x1f;
        }

        private static void sortByAxis(int[] bins, int lo, int hi, int axis) {
            long[] keyed = new long[hi - lo];
            for (int i = lo; i < hi; i++) {
                keyed[i - lo] = (long) component(bins[i], axis) << 32 | bins[i];
            }
            Arrays.sort(keyed);
            for (int i = lo; i < hi; i++) {
                bins[i] = (int) keyed[i - lo];
            }
        }
    }
}
