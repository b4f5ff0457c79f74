package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BlurhashTest {

    private static final String CHARSET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    @Test
    void aBlackImageGivesTheReferenceHash() {
        // size flag 'L' (4 × 3), max AC '0', DC "0000", then eleven zero AC components "fQ"
        assertEquals("L00000fQfQfQfQfQfQfQfQfQfQfQ", Blurhash.encode(TestImages.solid(32, 24, 0x000000)));
    }

    @Test
    void aSolidColourEncodesItselfAsTheAverage() {
        // (its AC components are small but not zero: the reference algorithm samples the cosine
        // basis at pixel corners, x / width, and those sums do not vanish; black hides it)
        for (int rgb : new int[] {0xffffff, 0xff0000, 0x336699, 0x808080}) {
            String hash = Blurhash.encode(TestImages.solid(32, 24, rgb));
            assertEquals(28, hash.length());
            assertEquals(rgb, Blurhash.averageColor(hash), Integer.toHexString(rgb));
        }
    }

    @Test
    void detailShowsUpInTheAcComponents() {
        BufferedImage img = TestImages.quadrants(32, 32, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00);
        String hash = Blurhash.encode(img);
        assertEquals(28, hash.length());
        assertNotEquals('0', hash.charAt(1), "a non-zero maximum AC value");
        for (char c : hash.toCharArray()) {
            assertTrue(CHARSET.indexOf(c) >= 0, "base83 character " + c);
        }
        // other component counts: size flag and length follow the algorithm
        String small = Blurhash.encode(img, 1, 1);
        assertEquals(6, small.length());
        String big = Blurhash.encode(img, 9, 9);
        assertEquals(4 + 2 + 2 * 80, big.length());
        assertEquals(8 + 8 * 9, Blurhash.decode83(big.substring(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> Blurhash.encode(img, 0, 3));
    }
}
