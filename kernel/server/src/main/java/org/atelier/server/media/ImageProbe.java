package org.atelier.server.media;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.imageio.ImageReader;
import org.atelier.plugin.api.ImageFormat;

/**
 * What an image declares about itself, read from its headers before any pixel is decoded, and
 * already checked against the limits.
 *
 * <p>Why headers first: a decompression bomb is a small file whose header claims an enormous
 * canvas (a PNG of 50,000 × 50,000 compresses to a few kilobytes). Its pixels would need
 * gigabytes; its header costs nothing to read. Everything over a limit is refused here, so the
 * decoders later only ever allocate what the limits allow.
 *
 * @param format     the sniffed format
 * @param width      width in pixels as stored (before EXIF orientation); for GIF the canvas
 * @param height     height in pixels as stored; for GIF the canvas
 * @param frameCount 1 for a still image, the number of frames of an animated GIF
 */
public record ImageProbe(ImageFormat format, int width, int height, int frameCount) {

    /**
     * Validates the components.
     *
     * @param format     the sniffed format
     * @param width      width in pixels
     * @param height     height in pixels
     * @param frameCount number of frames
     */
    public ImageProbe {
        Objects.requireNonNull(format, "format");
        if (width <= 0 || height <= 0 || frameCount <= 0) {
            throw new IllegalArgumentException("dimensions and frame count must be positive");
        }
    }

    /**
     * Whether this is an animation (a GIF with more than one frame).
     *
     * @return true for animations
     */
    public boolean animated() {
        return frameCount > 1;
    }

    /**
     * Width × height.
     *
     * @return the pixel count of one frame
     */
    public long pixels() {
        return (long) width * height;
    }

    /**
     * Sniffs and probes a file, refusing it if it breaks a limit.
     *
     * @param bytes  the original file
     * @param limits the limits to enforce
     * @return what the image declares
     * @throws MediaException if the file is too large, not a supported image, over a dimension,
     *                        pixel or frame limit, corrupt, or too slow to read
     */
    public static ImageProbe probe(byte[] bytes, MediaLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw new MediaException(MediaException.Reason.TOO_LARGE_BYTES,
                    "The file is " + mib(bytes.length) + "; the limit is " + mib(limits.maxBytes()) + ".");
        }
        ImageFormat format = ImageSniffer.sniff(bytes);
        if (format == ImageFormat.WEBP && WebpContainer.animated(bytes)) {
            // TwelveMonkeys decodes ANMF frames one by one but does not composite them; until we do,
            // refuse rather than silently keep a single frame of someone's animation
            throw new MediaException(MediaException.Reason.UNSUPPORTED_TYPE,
                    "Animated WebP images are not supported yet; upload the animation as a GIF.");
        }
        if (!complete(bytes, format)) {
            throw corrupt();
        }
        return Readers.withReader(bytes, format, limits, format != ImageFormat.GIF, (reader, warnings) -> {
            if (format == ImageFormat.GIF) {
                return probeGif(bytes, reader, limits);
            }
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            checkFrame(w, h, limits);
            return new ImageProbe(format, w, h, 1);
        });
    }

    /**
     * Cheap checks that the container is whole, so that a file cut short in transit is refused now
     * rather than by the decoder later: a JPEG's scan ends with an end-of-image marker, a PNG's
     * chunks fit in the file, a WebP's RIFF chunk fits in it. A GIF's frames are walked below.
     * Damage inside the compressed data is only found by decoding.
     */
    private static boolean complete(byte[] bytes, ImageFormat format) {
        return switch (format) {
            case JPEG -> JpegSegments.complete(bytes);
            case PNG -> PngChunks.complete(bytes);
            case WEBP -> WebpContainer.complete(bytes);
            case GIF -> true;
        };
    }

    /** GIF: the canvas from the logical screen descriptor, then every frame's descriptor. */
    private static ImageProbe probeGif(byte[] bytes, ImageReader reader, MediaLimits limits) throws java.io.IOException {
        if (bytes.length < 13) {
            throw corrupt();
        }
        int screenW = (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
        int screenH = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        long framePixels = 0;
        int frames = 0;
        int canvasW = screenW;
        int canvasH = screenH;
        while (true) {
            int w;
            int h;
            try {
                // GIFImageReader finds frame i by skipping the data blocks of the frames before it
                // (positions are cached), so this loop is linear in the file and reads no pixels
                w = reader.getWidth(frames);
                h = reader.getHeight(frames);
            } catch (IndexOutOfBoundsException end) {
                break;
            }
            checkFrame(w, h, limits);
            if (frames == 0) {
                // a logical screen of 0 × 0 (or smaller than the first frame) is common in the wild:
                // browsers show the first frame whole, so grow the canvas to it
                GifFrames.Descriptor d = GifFrames.descriptor(reader, 0);
                canvasW = Math.max(canvasW, d.left() + w);
                canvasH = Math.max(canvasH, d.top() + h);
            }
            frames++;
            framePixels += (long) w * h;
            if (frames > limits.maxFrames()) {
                throw new MediaException(MediaException.Reason.TOO_MANY_FRAMES,
                        "The animation has more than " + limits.maxFrames() + " frames.");
            }
        }
        if (frames == 0) {
            throw corrupt();
        }
        checkFrame(canvasW, canvasH, limits);
        long canvasTotal = (long) canvasW * canvasH * frames;
        if (frames > 1 && (canvasTotal > limits.maxTotalFramePixels() || framePixels > limits.maxTotalFramePixels())) {
            throw new MediaException(MediaException.Reason.TOO_MANY_FRAMES,
                    "The animation is too large: " + frames + " frames of " + canvasW + " × " + canvasH
                            + " pixels is over the limit of " + limits.maxTotalFramePixels() / 1_000_000
                            + " megapixels over all frames.");
        }
        return new ImageProbe(ImageFormat.GIF, canvasW, canvasH, frames);
    }

    private static void checkFrame(int w, int h, MediaLimits limits) {
        if (w <= 0 || h <= 0) {
            throw corrupt();
        }
        if (w > limits.maxDimension() || h > limits.maxDimension()) {
            throw new MediaException(MediaException.Reason.TOO_LARGE_DIMENSIONS,
                    "The image is " + w + " × " + h + " pixels; at most " + limits.maxDimension()
                            + " pixels a side are accepted.");
        }
        if ((long) w * h > limits.maxPixels()) {
            throw new MediaException(MediaException.Reason.TOO_MANY_PIXELS,
                    "The image is " + w + " × " + h + " pixels; at most " + limits.maxPixels() / 1_000_000
                            + " megapixels are accepted.");
        }
    }

    static MediaException corrupt() {
        return new MediaException(MediaException.Reason.CORRUPT,
                "The image is damaged or incomplete and could not be read.");
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Reads the few WebP container facts the pipeline needs straight from the RIFF chunks. */
    static final class WebpContainer {
        private WebpContainer() {
        }

        /** The VP8X extended header says "animation", or an ANIM chunk is present. */
        static boolean animated(byte[] b) {
            return vp8xFlags(b) >= 0 && (vp8xFlags(b) & 0x02) != 0 || findChunk(b, "ANIM") >= 0;
        }

        /** The RIFF chunk, whose size the header declares, fits in the file. */
        static boolean complete(byte[] b) {
            long riffSize = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
            return 8 + riffSize <= b.length;
        }

        /** The bitstream is VP8L (lossless). */
        static boolean lossless(byte[] b) {
            return findChunk(b, "VP8L") >= 0;
        }

        /** The file declares alpha (VP8X alpha flag, or a lossless bitstream with its alpha hint). */
        static boolean declaresAlpha(byte[] b) {
            int flags = vp8xFlags(b);
            if (flags >= 0) {
                return (flags & 0x10) != 0;
            }
            int vp8l = findChunk(b, "VP8L");
            // VP8L header: signature 0x2f, then 14 bits width-1, 14 bits height-1, 1 bit alpha_is_used
            if (vp8l >= 0 && vp8l + 8 + 5 <= b.length) {
                int bits = (b[vp8l + 9] & 0xff) | (b[vp8l + 10] & 0xff) << 8 | (b[vp8l + 11] & 0xff) << 16
                        | (b[vp8l + 12] & 0xff) << 24;
                return ((bits >>> 28) & 1) != 0;
            }
            return false;
        }

        private static int vp8xFlags(byte[] b) {
            return b.length > 20 && "VP8X".equals(new String(b, 12, 4, StandardCharsets.US_ASCII)) ? b[20] & 0xff : -1;
        }

        /** The offset of the first chunk with this FourCC, or -1. Bounded by the file length. */
        static int findChunk(byte[] b, String fourcc) {
            int pos = 12;
            while (pos + 8 <= b.length) {
                String id = new String(b, pos, 4, StandardCharsets.US_ASCII);
                long size = (b[pos + 4] & 0xffL) | (b[pos + 5] & 0xffL) << 8 | (b[pos + 6] & 0xffL) << 16
                        | (b[pos + 7] & 0xffL) << 24;
                if (id.equals(fourcc)) {
                    return pos;
                }
                long next = pos + 8 + size + (size & 1);
                if (next > b.length) {
                    return -1;
                }
                pos = (int) next;
            }
            return -1;
        }
    }
}
