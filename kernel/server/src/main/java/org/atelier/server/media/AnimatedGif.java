package org.atelier.server.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.atelier.plugin.api.ImageFormat;

/**
 * Animated GIFs: reading their frames' timing, compositing frames the way browsers do, and
 * writing cropped, resized animations that keep every frame, every delay and the loop count.
 *
 * <p>Compositing: each frame is a rectangle drawn over the canvas left by the frames before
 * (transparent pixels let the canvas show through); after it is shown, its disposal method
 * decides what the next frame starts from — left as is ({@code none}, {@code doNotDispose}),
 * its rectangle cleared to transparent ({@code restoreToBackground}, which is what browsers do
 * rather than painting the background colour), or the canvas as it was before the frame
 * ({@code restoreToPrevious}). Outputs are written as full frames with disposal {@code restoreToBackground}, so
 * transparency in any frame shows the page behind it, never an earlier frame.
 *
 * <p>Cost is bounded before any frame is decoded: {@link ImageProbe} refuses more than
 * {@link MediaLimits#maxFrames()} frames or more than {@link MediaLimits#maxTotalFramePixels()}
 * canvas pixels over all frames. Frames are processed one at a time; only the canvas, a copy
 * for {@code restoreToPrevious}, and the outputs' current frames are held. Animated WebP is
 * refused by the probe for now (the WebP reader decodes frames but does not composite them).
 */
public final class AnimatedGif {

    /** What happens to a frame's rectangle after it has been shown. */
    public enum Disposal {
        /** Unspecified: left in place. */
        NONE,
        /** Left in place. */
        DO_NOT_DISPOSE,
        /** Cleared to transparent. */
        RESTORE_TO_BACKGROUND,
        /** The canvas goes back to what it was before the frame. */
        RESTORE_TO_PREVIOUS
    }

    /**
     * One frame's timing and placement.
     *
     * @param delayCentis how long it shows, in hundredths of a second (as stored; browsers show
     *                    0 and 1 as 10)
     * @param disposal    what happens after it
     * @param left        x on the canvas
     * @param top         y on the canvas
     * @param width       its width
     * @param height      its height
     * @param transparent whether it has a transparent colour
     */
    public record Frame(int delayCentis, Disposal disposal, int left, int top, int width, int height,
                        boolean transparent) {
        /**
         * Validates the components.
         *
         * @param delayCentis delay
         * @param disposal    disposal
         * @param left        x
         * @param top         y
         * @param width       width
         * @param height      height
         * @param transparent transparency
         */
        public Frame {
            Objects.requireNonNull(disposal, "disposal");
        }
    }

    /**
     * An animation's structure, read without decoding pixels.
     *
     * @param width     canvas width
     * @param height    canvas height
     * @param loopCount the NETSCAPE2.0 loop count (0 = forever); empty when the file has none (play once)
     * @param frames    every frame
     */
    public record Info(int width, int height, OptionalInt loopCount, List<Frame> frames) {
        /**
         * Copies the frames.
         *
         * @param width     canvas width
         * @param height    canvas height
         * @param loopCount loop count
         * @param frames    frames
         */
        public Info {
            Objects.requireNonNull(loopCount, "loopCount");
            frames = List.copyOf(frames);
        }
    }

    /** One animated output: a rectangle of the canvas (canvas pixels) and its output size. */
    record Target(double x, double y, double w, double h, int outW, int outH) {
    }

    private AnimatedGif() {
    }

    /**
     * Reads the structure of a GIF — frames, delays, disposal, loop count — after probing it
     * against the limits.
     *
     * @param gif    the file
     * @param limits the limits
     * @return its structure
     * @throws MediaException if it is not an acceptable GIF
     */
    public static Info inspect(byte[] gif, MediaLimits limits) {
        ImageProbe probe = ImageProbe.probe(gif, limits);
        if (probe.format() != ImageFormat.GIF) {
            throw new MediaException(MediaException.Reason.UNSUPPORTED_TYPE, "Not a GIF image.");
        }
        return Readers.withReader(gif, ImageFormat.GIF, limits, false, (reader, warnings) -> {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < probe.frameCount(); i++) {
                GifFrames.Descriptor d = GifFrames.descriptor(reader, i);
                frames.add(new Frame(d.delayCentis(), d.disposal(), d.left(), d.top(), d.width(), d.height(),
                        d.transparent()));
            }
            return new Info(probe.width(), probe.height(), GifFrames.loopCount(reader), frames);
        });
    }

    /**
     * Every frame as it is shown (composited), canvas-sized, as ARGB images.
     *
     * @param gif    the file
     * @param limits the limits
     * @return the frames in order
     * @throws MediaException if it is not an acceptable GIF
     */
    public static List<BufferedImage> frames(byte[] gif, MediaLimits limits) {
        ImageProbe probe = ImageProbe.probe(gif, limits);
        List<BufferedImage> out = new ArrayList<>();
        composite(gif, probe, limits, probe.frameCount(), (index, d, canvas) -> out.add(canvas.copy().toImage()));
        return out;
    }

    /** The first frame, composited: what a still rendition of a GIF shows. */
    static Pixels firstFrame(byte[] gif, ImageProbe probe, MediaLimits limits) {
        Pixels[] first = new Pixels[1];
        composite(gif, probe, limits, 1, (index, d, canvas) -> first[0] = canvas.copy());
        return first[0];
    }

    /**
     * Crops and resizes every frame into each target, keeping frame count, delays and loop count.
     *
     * @return one GIF per target, in order
     */
    static List<byte[]> render(byte[] gif, ImageProbe probe, MediaLimits limits, List<Target> targets) {
        List<Sink> sinks = new ArrayList<>();
        try {
            for (Target t : targets) {
                sinks.add(new Sink(t));
            }
            OptionalInt loop = Readers.withReader(gif, ImageFormat.GIF, limits, false,
                    (reader, warnings) -> GifFrames.loopCount(reader));
            composite(gif, probe, limits, probe.frameCount(), (index, d, canvas) -> {
                Resampler.Region region = Resampler.Region.whole(canvas.view());
                for (Sink s : sinks) {
                    Target t = s.target;
                    Pixels frame = region.resample(t.x(), t.y(), t.w(), t.h(), t.outW(), t.outH());
                    s.write(index, binaryAlpha(frame), d.delayCentis(), index == 0 ? loop : OptionalInt.empty());
                }
            });
            List<byte[]> out = new ArrayList<>();
            for (Sink s : sinks) {
                out.add(s.finish());
            }
            return out;
        } catch (IOException e) {
            throw Readers.translate(e);
        } finally {
            sinks.forEach(Sink::dispose);
        }
    }

    /** GIF transparency is all or nothing: anti-aliased edges from resampling are cut at half. */
    private static Pixels binaryAlpha(Pixels p) {
        if (!p.alpha) {
            return p;
        }
        boolean any = false;
        for (int i = 0; i < p.argb.length; i++) {
            int c = p.argb[i];
            if (c >>> 24 < 128) {
                p.argb[i] = 0;
                any = true;
            } else {
                p.argb[i] = c | 0xff000000;
            }
        }
        return new Pixels(p.width, p.height, p.argb, any);
    }

    /** Receives each composited frame; the canvas is reused, copy it to keep it. */
    @FunctionalInterface
    private interface FrameSink {
        void accept(int index, GifFrames.Descriptor descriptor, Canvas canvas) throws IOException;
    }

    /** The animation canvas: transparent until frames are drawn on it. */
    private static final class Canvas {
        final int width;
        final int height;
        final int[] argb;

        Canvas(int width, int height) {
            this.width = width;
            this.height = height;
            this.argb = new int[width * height];
        }

        Pixels view() {
            boolean alpha = false;
            for (int p : argb) {
                if (p >>> 24 != 0xff) {
                    alpha = true;
                    break;
                }
            }
            return new Pixels(width, height, argb, alpha);
        }

        Pixels copy() {
            Pixels v = view();
            return new Pixels(width, height, argb.clone(), v.alpha);
        }
    }

    private static void composite(byte[] gif, ImageProbe probe, MediaLimits limits, int frameCount, FrameSink sink) {
        Readers.withReader(gif, ImageFormat.GIF, limits, false, (reader, warnings) -> {
            Canvas canvas = new Canvas(probe.width(), probe.height());
            for (int i = 0; i < frameCount; i++) {
                GifFrames.Descriptor d = GifFrames.descriptor(reader, i);
                int[] before = d.disposal() == Disposal.RESTORE_TO_PREVIOUS ? canvas.argb.clone() : null;
                draw(reader, i, d, canvas);
                sink.accept(i, d, canvas);
                switch (d.disposal()) {
                    case RESTORE_TO_BACKGROUND -> clear(canvas, d);
                    case RESTORE_TO_PREVIOUS -> System.arraycopy(before, 0, canvas.argb, 0, before.length);
                    default -> {
                    }
                }
            }
            return null;
        });
    }

    private static void draw(ImageReader reader, int index, GifFrames.Descriptor d, Canvas canvas) throws IOException {
        BufferedImage frame = reader.read(index);
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        int[] px = frame.getRGB(0, 0, fw, fh, null, 0, fw);
        for (int y = 0; y < fh; y++) {
            int cy = d.top() + y;
            if (cy < 0 || cy >= canvas.height) {
                continue;
            }
            for (int x = 0; x < fw; x++) {
                int cx = d.left() + x;
                int p = px[y * fw + x];
                if (cx >= 0 && cx < canvas.width && p >>> 24 != 0) {
                    canvas.argb[cy * canvas.width + cx] = p | 0xff000000;
                }
            }
        }
    }

    private static void clear(Canvas canvas, GifFrames.Descriptor d) {
        int x0 = Math.max(0, d.left());
        int y0 = Math.max(0, d.top());
        int x1 = Math.min(canvas.width, d.left() + d.width());
        int y1 = Math.min(canvas.height, d.top() + d.height());
        for (int y = y0; y < y1; y++) {
            java.util.Arrays.fill(canvas.argb, y * canvas.width + x0, y * canvas.width + Math.max(x0, x1), 0);
        }
    }

    /** Writes one animated output, frame by frame. */
    private static final class Sink {
        final Target target;
        final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ImageOutputStream out = new MemoryCacheImageOutputStream(bytes);
        boolean started;

        Sink(Target target) {
            this.target = target;
        }

        void write(int index, Pixels frame, int delayCentis, OptionalInt loop) throws IOException {
            if (!started) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                started = true;
            }
            Quantizer.Indexed indexed = Quantizer.index(frame);
            BufferedImage image = indexed.image();
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode root = new IIOMetadataNode(GifFrames.FORMAT);
            IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
            // full frames, each cleared before the next: a later frame's transparent pixels must show
            // the background, not this frame (for opaque frames it makes no visible difference)
            gce.setAttribute("disposalMethod", "restoreToBackgroundColor");
            gce.setAttribute("userInputFlag", "FALSE");
            gce.setAttribute("transparentColorFlag", indexed.transparentIndex() >= 0 ? "TRUE" : "FALSE");
            gce.setAttribute("delayTime", Integer.toString(delayCentis));
            gce.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, indexed.transparentIndex())));
            root.appendChild(gce);
            if (loop.isPresent()) {
                IIOMetadataNode exts = new IIOMetadataNode("ApplicationExtensions");
                IIOMetadataNode ext = new IIOMetadataNode("ApplicationExtension");
                ext.setAttribute("applicationID", "NETSCAPE");
                ext.setAttribute("authenticationCode", "2.0");
                int n = loop.getAsInt();
                ext.setUserObject(new byte[] {1, (byte) (n & 0xff), (byte) ((n >> 8) & 0xff)});
                exts.appendChild(ext);
                root.appendChild(exts);
            }
            md.mergeTree(GifFrames.FORMAT, root);
            writer.writeToSequence(new IIOImage(image, null, md), param);
        }

        byte[] finish() throws IOException {
            writer.endWriteSequence();
            out.flush();
            out.close();
            return bytes.toByteArray();
        }

        void dispose() {
            writer.dispose();
        }
    }
}
