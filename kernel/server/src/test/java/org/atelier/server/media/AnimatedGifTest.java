package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AnimatedGifTest {

    private static final int[] LEFT = {0xff0000, 0x00ff00, 0x0000ff};
    private static final int[] RIGHT = {0xffff00, 0x00ffff, 0xff00ff};
    private static final int[] DELAYS = {10, 50, 120};

    /** Three 200 × 100 frames, each with its own left and right colour, delays 10/50/120 cs, loop forever. */
    private static byte[] threeFrames() {
        List<TestImages.GifFrame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 200; x++) {
                    img.setRGB(x, y, x < 100 ? LEFT[i] : RIGHT[i]);
                }
            }
            frames.add(new TestImages.GifFrame(img, 0, 0, DELAYS[i], "none"));
        }
        return TestImages.gif(200, 100, frames, OptionalInt.of(0));
    }

    @Test
    void inspectReadsFramesDelaysAndLoop() {
        AnimatedGif.Info info = AnimatedGif.inspect(threeFrames(), MediaLimits.defaults());
        assertEquals(200, info.width());
        assertEquals(100, info.height());
        assertEquals(OptionalInt.of(0), info.loopCount());
        assertEquals(List.of(10, 50, 120), info.frames().stream().map(AnimatedGif.Frame::delayCentis).toList());
    }

    @Test
    void everyRenditionOfAnAnimatedGifStaysAnimatedWithItsFramesDelaysAndLoop() {
        ProcessedImage out = new MediaPipeline().process(threeFrames(),
                ProcessingRequest.defaults().withThumbnailCrop(new CropRect(0.5, 0, 0.5, 1)));
        assertTrue(out.animated());
        assertEquals(3, out.frameCount());
        for (Rendition r : out.renditions().values()) {
            assertEquals("image/gif", r.mediaType(), r.name());
            assertEquals(3, r.frameCount());
            AnimatedGif.Info info = AnimatedGif.inspect(r.bytes(), MediaLimits.defaults());
            assertEquals(3, info.frames().size(), r.name());
            assertEquals(List.of(10, 50, 120), info.frames().stream().map(AnimatedGif.Frame::delayCentis).toList());
            assertEquals(OptionalInt.of(0), info.loopCount(), r.name());
            assertEquals(r.width(), info.width());
            assertEquals(r.height(), info.height());
        }
        // the thumbnail is the right half: every frame uniformly that frame's right colour
        Rendition thumb = out.rendition(Renditions.THUMBNAIL).orElseThrow();
        assertEquals(100, thumb.width());
        assertEquals(100, thumb.height());
        List<BufferedImage> frames = AnimatedGif.frames(thumb.bytes(), MediaLimits.defaults());
        for (int i = 0; i < 3; i++) {
            BufferedImage f = frames.get(i);
            for (int y = 0; y < 100; y += 3) {
                for (int x = 0; x < 100; x += 3) {
                    assertTrue(TestImages.near(f.getRGB(x, y), RIGHT[i], 8),
                            "frame " + i + " at " + x + "," + y + ": " + Integer.toHexString(f.getRGB(x, y)));
                }
            }
        }
        // the default 16:9 cover of a 2:1 canvas is centred and spans both halves
        BufferedImage cover0 = AnimatedGif.frames(out.rendition(Renditions.COVER).orElseThrow().bytes(),
                MediaLimits.defaults()).get(0);
        assertEquals(178, cover0.getWidth());
        assertTrue(TestImages.near(cover0.getRGB(5, 50), LEFT[0], 8));
        assertTrue(TestImages.near(cover0.getRGB(172, 50), RIGHT[0], 8));
    }

    @Test
    void aLoopCountOtherThanForeverAndNoLoopAtAllAreKept() {
        List<TestImages.GifFrame> frames = List.of(
                new TestImages.GifFrame(TestImages.solid(20, 20, 0xff0000), 0, 0, 7, "none"),
                new TestImages.GifFrame(TestImages.solid(20, 20, 0x0000ff), 0, 0, 9, "none"));
        ProcessedImage thrice = new MediaPipeline().process(TestImages.gif(20, 20, frames, OptionalInt.of(3)),
                ProcessingRequest.defaults());
        assertEquals(OptionalInt.of(3), AnimatedGif.inspect(
                thrice.rendition("display-320").orElseThrow().bytes(), MediaLimits.defaults()).loopCount());
        ProcessedImage once = new MediaPipeline().process(TestImages.gif(20, 20, frames, OptionalInt.empty()),
                ProcessingRequest.defaults());
        assertEquals(OptionalInt.empty(), AnimatedGif.inspect(
                once.rendition("display-320").orElseThrow().bytes(), MediaLimits.defaults()).loopCount());
    }

    @Test
    void framesAreCompositedHonouringEveryDisposalMethod() {
        // 10 × 10 canvas: red background frame, then partial frames with each disposal method
        List<TestImages.GifFrame> frames = List.of(
                new TestImages.GifFrame(TestImages.solid(10, 10, 0xff0000), 0, 0, 10, "none"),
                new TestImages.GifFrame(TestImages.solid(5, 5, 0x0000ff), 0, 0, 10, "restoreToPrevious"),
                new TestImages.GifFrame(TestImages.solid(5, 5, 0x00ff00), 5, 5, 10, "restoreToBackgroundColor"),
                new TestImages.GifFrame(TestImages.solid(1, 1, 0xffffff), 9, 0, 10, "doNotDispose"),
                new TestImages.GifFrame(TestImages.solid(1, 1, 0x000000), 0, 9, 10, "none"));
        byte[] gif = TestImages.gif(10, 10, frames, OptionalInt.of(0));
        List<AnimatedGif.Frame> info = AnimatedGif.inspect(gif, MediaLimits.defaults()).frames();
        assertEquals(AnimatedGif.Disposal.RESTORE_TO_PREVIOUS, info.get(1).disposal());
        assertEquals(AnimatedGif.Disposal.RESTORE_TO_BACKGROUND, info.get(2).disposal());
        assertEquals(5, info.get(2).left());

        List<BufferedImage> shown = AnimatedGif.frames(gif, MediaLimits.defaults());
        assertEquals(5, shown.size());
        // frame 1: blue square over red
        assertEquals(0xff0000ff, shown.get(1).getRGB(2, 2));
        assertEquals(0xffff0000, shown.get(1).getRGB(7, 7));
        // frame 2: restoreToPrevious removed the blue; green bottom-right square
        assertEquals(0xffff0000, shown.get(2).getRGB(2, 2));
        assertEquals(0xff00ff00, shown.get(2).getRGB(7, 7));
        // frame 3: restoreToBackground cleared the green square to transparent; white pixel top-right
        assertEquals(0, shown.get(3).getRGB(7, 7) >>> 24);
        assertEquals(0xffffffff, shown.get(3).getRGB(9, 0));
        assertEquals(0xffff0000, shown.get(3).getRGB(2, 2));
        // frame 4: the white pixel stayed (doNotDispose); black pixel bottom-left
        assertEquals(0xffffffff, shown.get(4).getRGB(9, 0));
        assertEquals(0xff000000, shown.get(4).getRGB(0, 9));
        assertEquals(0, shown.get(4).getRGB(7, 7) >>> 24);

        // and a rendition of it shows the same: transparency survives as GIF transparency
        ProcessedImage out = new MediaPipeline().process(gif, ProcessingRequest.defaults());
        List<BufferedImage> rendered = AnimatedGif.frames(out.rendition("display-320").orElseThrow().bytes(),
                MediaLimits.defaults());
        assertEquals(5, rendered.size());
        assertEquals(0, rendered.get(3).getRGB(7, 7) >>> 24);
        assertEquals(0xffff0000, rendered.get(3).getRGB(2, 2));
        assertEquals(0xff0000ff, rendered.get(1).getRGB(2, 2));
    }

    @Test
    void framesWithThousandsOfColoursAreQuantisedCloselyToAGifPalette() {
        // a smooth two-axis gradient has ~16,000 colours: the median-cut path, not the exact one
        BufferedImage gradient = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 256; x++) {
                gradient.setRGB(x, y, x << 16 | (y * 4) << 8 | (255 - x));
            }
        }
        BufferedImage exact = TestImages.read(TestImages.png(gradient));
        // what every resized animated frame goes through before the GIF writer
        Quantizer.Indexed indexed = Quantizer.index(Pixels.of(exact));
        BufferedImage q = indexed.image();
        long error = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 256; x++) {
                int a = exact.getRGB(x, y);
                int b = q.getRGB(x, y);
                int e = Math.max(Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)),
                        Math.max(Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
                assertTrue(e <= 24, "pixel " + x + "," + y + " off by " + e);
                error += e;
            }
        }
        assertTrue(error / (256.0 * 64) < 8, "mean error " + error / (256.0 * 64));
        assertEquals(-1, indexed.transparentIndex());
    }
}
