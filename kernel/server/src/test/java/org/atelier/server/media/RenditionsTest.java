package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import org.atelier.plugin.api.ImageFormat;
import org.junit.jupiter.api.Test;

class RenditionsTest {

    private final MediaPipeline pipeline = new MediaPipeline();

    @Test
    void displaySizesAreNeverUpscaled() {
        assertEquals(List.of(new Renditions.Size("display-320", 320, 240), new Renditions.Size("display-640", 640, 480),
                        new Renditions.Size("display-1280", 1000, 750)),
                Renditions.displaySizes(1000, 750, ProcessingRequest.DEFAULT_DISPLAY_WIDTHS));
        assertEquals(List.of(new Renditions.Size("display-320", 200, 100)),
                Renditions.displaySizes(200, 100, ProcessingRequest.DEFAULT_DISPLAY_WIDTHS));
        assertEquals(4, Renditions.displaySizes(5000, 100, ProcessingRequest.DEFAULT_DISPLAY_WIDTHS).size());
        assertEquals(new Renditions.Size("thumbnail", 640, 640), Renditions.fit("thumbnail", 3000, 3000, 640));
        assertEquals(new Renditions.Size("thumbnail", 30, 20), Renditions.fit("thumbnail", 30, 20, 640));
    }

    @Test
    void progressIsReportedAfterEachStepAndOnlyGrows() {
        List<Integer> still = new java.util.ArrayList<>();
        pipeline.process(TestImages.jpeg(HostileImagesTest.noise(1600, 1200)), ProcessingRequest.defaults(), still::add);
        // probe, metadata, decode, then one step for each of the six renditions, then done
        assertEquals(List.of(MediaPipeline.PROBED, MediaPipeline.READ_METADATA, MediaPipeline.DECODED),
                still.subList(0, 3));
        assertEquals(3 + 6 + 1, still.size(), still.toString());
        assertEquals(MediaPipeline.RENDERED, still.get(still.size() - 2));
        assertEquals(100, still.get(still.size() - 1));
        for (int i = 1; i < still.size(); i++) {
            assertTrue(still.get(i) > still.get(i - 1), still.toString());
        }

        List<Integer> animated = new java.util.ArrayList<>();
        pipeline.process(TestImages.gifOfTinyFrames(5), ProcessingRequest.defaults(), animated::add);
        assertEquals(List.of(MediaPipeline.PROBED, MediaPipeline.READ_METADATA, MediaPipeline.RENDERED, 100), animated);
    }

    @Test
    void aJpegPhotoGetsJpegRenditionsAtEverySize() {
        byte[] jpeg = TestImages.jpeg(HostileImagesTest.noise(3000, 2000));
        ProcessedImage out = pipeline.process(jpeg, ProcessingRequest.defaults());
        assertEquals(ImageFormat.JPEG, out.format());
        assertEquals(3000, out.width());
        assertEquals(2000, out.height());
        assertEquals(List.of("display-320", "display-640", "display-1280", "display-2048", "thumbnail", "cover"),
                List.copyOf(out.renditions().keySet()));
        for (Rendition r : out.renditions().values()) {
            assertEquals("image/jpeg", r.mediaType());
            BufferedImage img = TestImages.read(r.bytes());
            assertEquals(r.width(), img.getWidth(), r.name());
            assertEquals(r.height(), img.getHeight(), r.name());
        }
        assertEquals(2048, out.rendition("display-2048").orElseThrow().width());
        assertEquals(1365, out.rendition("display-2048").orElseThrow().height());
        assertEquals(640, out.rendition("thumbnail").orElseThrow().width());
        assertEquals(640, out.rendition("thumbnail").orElseThrow().height());
        assertEquals(1280, out.rendition("cover").orElseThrow().width());
        assertEquals(720, out.rendition("cover").orElseThrow().height());
    }

    @Test
    void pngStaysPngAndKeepsAlpha() {
        BufferedImage art = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                art.setRGB(x, y, x < 400 ? 0xff2040c0 : 0x00000000);
            }
        }
        ProcessedImage out = pipeline.process(TestImages.png(art), ProcessingRequest.defaults());
        for (Rendition r : out.renditions().values()) {
            assertEquals("image/png", r.mediaType(), r.name());
            assertEquals(ImageFormat.PNG, ImageSniffer.sniff(r.bytes()));
        }
        BufferedImage d = TestImages.read(out.rendition("display-640").orElseThrow().bytes());
        assertTrue(d.getColorModel().hasAlpha());
        assertEquals(0xff2040c0, d.getRGB(10, 10), "opaque half kept exactly");
        assertEquals(0, d.getRGB(630, 10) >>> 24, "transparent half stays transparent");
    }

    @Test
    void aStillGifBecomesPng() {
        byte[] gif = TestImages.encode(TestImages.quadrants(90, 60, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00), "gif");
        ProcessedImage out = pipeline.process(gif, ProcessingRequest.defaults());
        assertEquals(1, out.frameCount());
        for (Rendition r : out.renditions().values()) {
            assertEquals("image/png", r.mediaType());
        }
        BufferedImage d = TestImages.read(out.rendition("display-320").orElseThrow().bytes());
        assertEquals(0xffff0000, d.getRGB(0, 0));
        assertEquals(0xffffff00, d.getRGB(89, 59));
    }

    @Test
    void lossyWebpBecomesJpegAndLosslessWebpWithAlphaBecomesPng() {
        ProcessedImage lossy = pipeline.process(TestImages.resource("quadrants-lossy.webp"), ProcessingRequest.defaults());
        assertEquals(ImageFormat.WEBP, lossy.format());
        assertEquals(64, lossy.width());
        assertEquals(48, lossy.height());
        Rendition l = lossy.rendition("display-320").orElseThrow();
        assertEquals("image/jpeg", l.mediaType());
        BufferedImage li = TestImages.read(l.bytes());
        assertTrue(TestImages.near(li.getRGB(4, 4), 0xff0000, 40));
        assertTrue(TestImages.near(li.getRGB(60, 44), 0xffff00, 40));

        ProcessedImage lossless = pipeline.process(TestImages.resource("quadrants-alpha-lossless.webp"),
                ProcessingRequest.defaults());
        Rendition a = lossless.rendition("display-320").orElseThrow();
        assertEquals("image/png", a.mediaType());
        BufferedImage ai = TestImages.read(a.bytes());
        assertEquals(0xffff0000, ai.getRGB(4, 4), "lossless pixels kept exactly");
        assertEquals(0, ai.getRGB(60, 4) >>> 24, "transparent half stays transparent");
    }

    @Test
    void downscalingIsSmoothNotJagged() {
        // one-pixel black and white stripes average to grey when shrunk properly; point sampling
        // (or a too-narrow filter) would give black, white or moiré instead
        BufferedImage stripes = new BufferedImage(2000, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 2000; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xffffff : 0x000000);
            }
        }
        ProcessedImage out = pipeline.process(TestImages.png(stripes),
                ProcessingRequest.defaults().withOutputs(EnumSet.of(ProcessingRequest.Output.DISPLAY)));
        for (Rendition r : out.renditions().values()) {
            if (r.width() == 2000) {
                continue;
            }
            BufferedImage img = TestImages.read(r.bytes());
            for (int x = 2; x < img.getWidth() - 2; x++) {
                int g = img.getRGB(x, img.getHeight() / 2) & 0xff;
                assertTrue(Math.abs(g - 128) <= 10, r.name() + " x=" + x + " grey " + g);
            }
        }
    }

    @Test
    void anEmbeddedNonSrgbProfileIsConvertedToSrgb() {
        // mid-grey in linear RGB is much lighter in sRGB (about 188); untagged output must say so
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] jpeg = TestImages.insertSegment(TestImages.jpeg(TestImages.solid(64, 64, 0x808080)), 0xe2,
                TestImages.app2Icc(profile));
        ProcessedImage out = pipeline.process(jpeg, ProcessingRequest.defaults());
        BufferedImage d = TestImages.read(out.rendition("display-320").orElseThrow().bytes());
        int g = (d.getRGB(32, 32) >> 8) & 0xff;
        assertTrue(g > 175 && g < 200, "converted grey " + g);
        MetadataTest.class.getName(); // (stripping of the ICC profile itself is checked in MetadataTest)
    }

    @Test
    void aLargeJpegIsDecodedSubsampledWhenOnlySmallOutputsAreWanted() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(6000, 4000, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00));
        ProcessingRequest thumbOnly = ProcessingRequest.defaults()
                .withOutputs(EnumSet.of(ProcessingRequest.Output.THUMBNAIL));
        ProcessedImage out = pipeline.process(jpeg, thumbOnly);
        assertEquals(List.of("thumbnail"), List.copyOf(out.renditions().keySet()));
        BufferedImage t = TestImages.read(out.rendition("thumbnail").orElseThrow().bytes());
        assertEquals(640, t.getWidth());
        // the centred square spans the middle: top-left of it is red, top-right green
        assertTrue(TestImages.near(t.getRGB(10, 10), 0xff0000, 40));
        assertTrue(TestImages.near(t.getRGB(630, 10), 0x00ff00, 40));
        assertTrue(TestImages.near(t.getRGB(10, 630), 0x0000ff, 40));
    }

    @Test
    void theBlurhashIsAlwaysComputed() {
        ProcessedImage out = pipeline.process(TestImages.png(TestImages.solid(50, 40, 0x000000)),
                ProcessingRequest.defaults().withOutputs(EnumSet.noneOf(ProcessingRequest.Output.class)));
        assertTrue(out.renditions().isEmpty());
        assertEquals("L00000fQfQfQfQfQfQfQfQfQfQfQ", out.blurhash());
    }
}
