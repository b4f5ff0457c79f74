package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CropTest {

    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int BLUE = 0x0000ff;
    private static final int YELLOW = 0xffff00;

    private final MediaPipeline pipeline = new MediaPipeline();

    @Test
    void cropRectanglesAndFocalPointsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new CropRect(-0.1, 0, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new CropRect(0.6, 0, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new CropRect(0, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new CropRect(0, 0, Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FocalPoint(1.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FocalPoint(Double.NaN, 0.5));
        new CropRect(0.5, 0.5, 0.5, 0.5); // touches the edge: fine
    }

    @Test
    void theDefaultSquareIsTheLargestOneCentredOnTheFocalPointClampedToTheImage() {
        assertRect(new CropRect(1.0 / 3, 0, 1.0 / 3, 1), CropRect.largestCentred(300, 100, 1, FocalPoint.centre()));
        assertRect(new CropRect(2.0 / 3, 0, 1.0 / 3, 1), CropRect.largestCentred(300, 100, 1, new FocalPoint(0.95, 0.1)));
        assertRect(new CropRect(0, 0, 1.0 / 3, 1), CropRect.largestCentred(300, 100, 1, new FocalPoint(0, 0)));
        assertRect(new CropRect(0.5 - 1.0 / 6, 0, 1.0 / 3, 1), CropRect.largestCentred(300, 100, 1,
                new FocalPoint(0.5, 1)));
        // portrait: full width, slides vertically
        assertRect(new CropRect(0, 0.25, 1, 0.5), CropRect.largestCentred(100, 200, 1, new FocalPoint(0.5, 0.5)));
        assertRect(new CropRect(0, 0.5, 1, 0.5), CropRect.largestCentred(100, 200, 1, new FocalPoint(0.5, 0.9)));
        // 16:9 cover of a square image: full width, 9/16 of the height
        assertRect(new CropRect(0, 0, 1, 0.5625), CropRect.largestCentred(1600, 1600, 16.0 / 9, new FocalPoint(0.5, 0)));
    }

    @Test
    void defaultCropsFollowTheFocalPoint() {
        // left two thirds blue, right third red: a square around a focal point at the right is all red
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                img.setRGB(x, y, x < 200 ? BLUE : RED);
            }
        }
        byte[] png = TestImages.png(img);
        ProcessedImage right = pipeline.process(png, ProcessingRequest.defaults().withFocalPoint(new FocalPoint(0.9, 0.5)));
        assertUniform(right.rendition(Renditions.THUMBNAIL).orElseThrow(), 100, 100, RED);
        ProcessedImage centre = pipeline.process(png, ProcessingRequest.defaults());
        assertUniform(centre.rendition(Renditions.THUMBNAIL).orElseThrow(), 100, 100, BLUE);
        // 16:9 cover of a 3:1 image: full height, 178 px wide, centred on the focal point
        Rendition cover = right.rendition(Renditions.COVER).orElseThrow();
        assertEquals(178, cover.width());
        assertEquals(100, cover.height());
    }

    @Test
    void customCropsAreHonouredExactlyWithoutUpscaling() {
        byte[] png = TestImages.png(TestImages.quadrants(400, 400, RED, GREEN, BLUE, YELLOW));
        ProcessedImage out = pipeline.process(png, ProcessingRequest.defaults()
                .withThumbnailCrop(new CropRect(0.5, 0, 0.5, 0.5))
                .withCoverCrop(new CropRect(0, 0.5, 1, 0.25)));
        assertUniform(out.rendition(Renditions.THUMBNAIL).orElseThrow(), 200, 200, GREEN);
        Rendition cover = out.rendition(Renditions.COVER).orElseThrow();
        assertEquals(400, cover.width());
        assertEquals(100, cover.height());
        BufferedImage c = TestImages.read(cover.bytes());
        for (int y = 0; y < 100; y++) {
            assertEquals(0xff000000 | BLUE, c.getRGB(199, y));
            assertEquals(0xff000000 | YELLOW, c.getRGB(200, y));
        }
    }

    @Test
    void aDownscaledCropTakesEveryPixelFromItsRectangle() {
        // 2000 × 2000 quadrants, thumbnail = the top-left quadrant (1000 px → 640): every output pixel
        // is pure red, none blended with the green or blue next to the crop's edges
        byte[] png = TestImages.png(TestImages.quadrants(2000, 2000, RED, GREEN, BLUE, YELLOW));
        ProcessedImage out = pipeline.process(png, ProcessingRequest.defaults()
                .withOutputs(EnumSet.of(ProcessingRequest.Output.THUMBNAIL, ProcessingRequest.Output.COVER))
                .withThumbnailCrop(new CropRect(0, 0, 0.5, 0.5))
                .withCoverCrop(new CropRect(0.5, 0.5, 0.5, 0.25)));
        assertUniform(out.rendition(Renditions.THUMBNAIL).orElseThrow(), 640, 640, RED);
        assertUniform(out.rendition(Renditions.COVER).orElseThrow(), 1000, 500, YELLOW);
    }

    @Test
    void anUnalignedCropOfAJpegLandsOnTheRequestedArea() {
        // a lossy JPEG of odd size; an off-pixel-grid rectangle inside the bottom-right quadrant
        // (kept 30 px from the colour edges, beyond JPEG's ringing) comes out all yellow
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(1501, 999, RED, GREEN, BLUE, YELLOW));
        ProcessedImage out = pipeline.process(jpeg, ProcessingRequest.defaults()
                .withThumbnailCrop(new CropRect(0.5237, 0.5361, 0.3917, 0.3777)));
        Rendition t = out.rendition(Renditions.THUMBNAIL).orElseThrow();
        BufferedImage img = TestImages.read(t.bytes());
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                assertTrue(TestImages.near(img.getRGB(x, y), YELLOW, 24), x + "," + y);
            }
        }
    }

    private static void assertUniform(Rendition r, int w, int h, int rgb) {
        assertEquals(w, r.width(), r.name());
        assertEquals(h, r.height(), r.name());
        BufferedImage img = TestImages.read(r.bytes());
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((img.getRGB(x, y) & 0xffffff) != rgb) {
                    throw new AssertionError(r.name() + " pixel " + x + "," + y + " is "
                            + Integer.toHexString(img.getRGB(x, y)) + ", expected " + Integer.toHexString(rgb));
                }
            }
        }
    }

    private static void assertRect(CropRect expected, CropRect actual) {
        double e = 1e-9;
        assertTrue(Math.abs(expected.x() - actual.x()) < e && Math.abs(expected.y() - actual.y()) < e
                && Math.abs(expected.w() - actual.w()) < e && Math.abs(expected.h() - actual.h()) < e,
                "expected " + expected + " but was " + actual);
    }
}
