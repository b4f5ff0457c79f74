package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 120 × 80 picture whose top-left corner is red and top-right corner is green is stored the
 * way a camera held in each of the eight EXIF orientations stores it (corners placed by hand
 * below, not by the code under test); every rendition must come out upright.
 */
class OrientationTest {

    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int WHITE = 0xffffff;

    /**
     * @param orientation EXIF value
     * @param redCorner   where red is in the stored image (TL, TR, BL, BR)
     * @param greenCorner where green is in the stored image
     */
    @ParameterizedTest(name = "orientation {0}: stored red {1}, green {2}")
    @CsvSource({
            "1, TL, TR",
            "2, TR, TL",
            "3, BR, BL",
            "4, BL, BR",
            "5, TL, BL",
            "6, BL, TL",
            "7, BR, TR",
            "8, TR, BR"})
    void everyRenditionComesOutUpright(int orientation, String redCorner, String greenCorner) {
        boolean swapped = orientation >= 5;
        int sw = swapped ? 80 : 120;
        int sh = swapped ? 120 : 80;
        BufferedImage stored = TestImages.solid(sw, sh, WHITE);
        paintCorner(stored, redCorner, RED);
        paintCorner(stored, greenCorner, GREEN);
        byte[] jpeg = TestImages.jpegWithExif(stored, orientation, true);

        ProcessedImage out = new MediaPipeline().process(jpeg, ProcessingRequest.defaults());

        assertEquals(Orientation.ofExif(orientation), out.orientation());
        assertEquals(120, out.width());
        assertEquals(80, out.height());
        Rendition display = out.rendition("display-320").orElseThrow();
        assertEquals(120, display.width());
        assertEquals(80, display.height());
        BufferedImage upright = TestImages.read(display.bytes());
        assertEquals(120, upright.getWidth());
        assertEquals(80, upright.getHeight());
        assertTrue(TestImages.near(upright.getRGB(5, 5), RED, 40), "top-left is red");
        assertTrue(TestImages.near(upright.getRGB(114, 5), GREEN, 40), "top-right is green");
        assertTrue(TestImages.near(upright.getRGB(5, 74), WHITE, 40), "bottom-left is white");
        assertTrue(TestImages.near(upright.getRGB(114, 74), WHITE, 40), "bottom-right is white");

        // the default thumbnail is the centred 80 × 80 square of the upright image: no corner marks
        Rendition thumb = out.rendition(Renditions.THUMBNAIL).orElseThrow();
        assertEquals(80, thumb.width());
        assertEquals(80, thumb.height());
        // a custom crop of the upright top-left quarter shows red at its top-left
        ProcessedImage cropped = new MediaPipeline().process(jpeg,
                ProcessingRequest.defaults().withThumbnailCrop(new CropRect(0, 0, 0.25, 0.375)));
        BufferedImage corner = TestImages.read(cropped.rendition(Renditions.THUMBNAIL).orElseThrow().bytes());
        assertEquals(30, corner.getWidth());
        assertEquals(30, corner.getHeight());
        assertTrue(TestImages.near(corner.getRGB(3, 3), RED, 40), "the crop is taken from the upright image");
    }

    private static void paintCorner(BufferedImage img, String corner, int rgb) {
        int size = 20;
        int x0 = corner.endsWith("L") ? 0 : img.getWidth() - size;
        int y0 = corner.startsWith("T") ? 0 : img.getHeight() - size;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                img.setRGB(x, y, rgb);
            }
        }
    }
}
