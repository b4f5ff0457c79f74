package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.atelier.plugin.api.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageSnifferTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("JPEG", TestImages.jpeg(TestImages.solid(8, 8, 0x336699)), ImageFormat.JPEG),
                Arguments.of("PNG", TestImages.png(TestImages.solid(8, 8, 0x336699)), ImageFormat.PNG),
                Arguments.of("GIF89a", TestImages.encode(TestImages.solid(8, 8, 0x336699), "gif"), ImageFormat.GIF),
                Arguments.of("GIF87a", ascii("GIF87a\1\0\1\0\0\0\0;"), ImageFormat.GIF),
                Arguments.of("WebP lossy", TestImages.resource("quadrants-lossy.webp"), ImageFormat.WEBP),
                Arguments.of("WebP lossless", TestImages.resource("quadrants-alpha-lossless.webp"), ImageFormat.WEBP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void recognisesTheFourFormatsFromTheirBytes(String label, byte[] bytes, ImageFormat expected) {
        assertEquals(expected, ImageSniffer.sniff(bytes));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty", new byte[0], "empty"),
                Arguments.of("SVG", ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "SVG"),
                Arguments.of("bare SVG", ascii("  <svg onload=alert(1)>"), "SVG"),
                Arguments.of("HTML", ascii("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"), "HTML"),
                Arguments.of("PDF", ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "PDF"),
                Arguments.of("text", ascii("just some words, not an image"), "not an image"),
                Arguments.of("BMP", ascii("BM\u0036\0\0\0\0\0\0\0\u0036\0\0\0"), "BMP"),
                Arguments.of("TIFF little-endian", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, "TIFF"),
                Arguments.of("TIFF big-endian", new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}, "TIFF"),
                Arguments.of("HEIC", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0}, "HEIC"),
                Arguments.of("RIFF but WAVE", ascii("RIFF\u0024\0\0\0WAVEfmt \u0010\0\0\0"), "not an image"),
                Arguments.of("two JPEG bytes", new byte[] {(byte) 0xff, (byte) 0xd8}, "not an image"),
                Arguments.of("PNG signature cut", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "not an image"),
                Arguments.of("GIF90a", ascii("GIF90a\1\0\1\0"), "not an image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesEverythingElseWithAClearMessage(String label, byte[] bytes, String mentioned) {
        MediaException e = assertThrows(MediaException.class, () -> ImageSniffer.sniff(bytes));
        assertEquals(MediaException.Reason.UNSUPPORTED_TYPE, e.reason());
        assertEquals(415, e.reason().status());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG, PNG, GIF or WebP"), e.getMessage());
    }

    @Test
    void aDeclaredTypeOrNameNeverMatters() {
        // an SVG that starts with a PNG's name in it is still an SVG: only the bytes count
        assertTrue(ImageSniffer.detect(ascii("<svg><!-- image.png --></svg>")).isEmpty());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
