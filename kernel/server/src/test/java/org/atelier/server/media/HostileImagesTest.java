package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hostile input is refused with its reason, before pixels are decoded where the headers
 * give it away. The timeouts are hang guards only (generous on purpose), not performance targets.
 */
class HostileImagesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private final MediaPipeline pipeline = new MediaPipeline();

    private MediaException refused(byte[] bytes, ProcessingRequest request) {
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(MediaException.class, () -> pipeline.process(bytes, request)));
    }

    private MediaException refused(byte[] bytes) {
        return refused(bytes, ProcessingRequest.defaults());
    }

    @Test
    void aPngClaiming50000By50000IsRefusedFromItsHeaderAlone() {
        byte[] bomb = TestImages.pngHeaderClaiming(50_000, 50_000);
        assertTrue(bomb.length < 10_000, "the bomb is small: " + bomb.length);
        long before = usedHeap();
        MediaException e = refused(bomb);
        assertEquals(MediaException.Reason.TOO_LARGE_DIMENSIONS, e.reason());
        assertTrue(e.getMessage().contains("50000 × 50000"), e.getMessage());
        // 2.5 gigapixels would need 10 GB; refusing it allocated next to nothing
        assertTrue(usedHeap() - before < 64L * 1024 * 1024, "no pixel buffer was allocated");
    }

    @Test
    void aPngWithinTheSideLimitButOverThePixelLimitIsRefused() {
        MediaException e = refused(TestImages.pngHeaderClaiming(15_000, 15_000));
        assertEquals(MediaException.Reason.TOO_MANY_PIXELS, e.reason());
    }

    @Test
    void aJpegWhoseHeaderClaimsTooManyPixelsIsRefused() {
        byte[] jpeg = TestImages.jpeg(TestImages.solid(64, 64, 0x808080));
        // patch the SOF0 dimensions to 16,000 × 16,000 (256 MP) without touching the tiny body
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                jpeg[i + 5] = (byte) (16_000 >> 8);
                jpeg[i + 6] = (byte) (16_000 & 0xff);
                jpeg[i + 7] = (byte) (16_000 >> 8);
                jpeg[i + 8] = (byte) (16_000 & 0xff);
                break;
            }
        }
        assertEquals(MediaException.Reason.TOO_MANY_PIXELS, refused(jpeg).reason());
    }

    @Test
    void aTruncatedJpegIsRefusedAsCorrupt() {
        byte[] jpeg = TestImages.jpeg(noise(400, 300));
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
        MediaException e = refused(cut);
        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertEquals(422, e.reason().status());
    }

    @Test
    void aTruncatedPngIsRefusedAsCorrupt() {
        byte[] png = TestImages.png(noise(300, 200));
        assertEquals(MediaException.Reason.CORRUPT, refused(Arrays.copyOf(png, png.length / 2)).reason());
    }

    @Test
    void filesCutShortAreRefusedByTheProbeAlone() {
        // the cheap container checks run at upload time, before the original is stored
        byte[] jpeg = TestImages.jpeg(noise(400, 300));
        byte[] png = TestImages.png(noise(300, 200));
        byte[] webp = TestImages.resource("quadrants-lossy.webp");
        for (byte[] whole : List.of(jpeg, png, webp)) {
            assertTrue(ImageProbe.probe(whole, MediaLimits.defaults()).width() > 0);
            for (int length : new int[] {whole.length / 2, whole.length - 2}) {
                byte[] cut = Arrays.copyOf(whole, length);
                MediaException e = assertThrows(MediaException.class, () -> ImageProbe.probe(cut, MediaLimits.defaults()));
                assertEquals(MediaException.Reason.CORRUPT, e.reason());
            }
        }
        // a JPEG with bytes after its end-of-image marker is still whole
        byte[] trailing = Arrays.copyOf(jpeg, jpeg.length + 100);
        assertEquals(400, ImageProbe.probe(trailing, MediaLimits.defaults()).width());
    }

    @Test
    void damagedPixelDataPassesTheProbeButNotTheDecoder() {
        byte[] png = TestImages.pngWithDamagedPixels(noise(300, 200));
        assertEquals(300, ImageProbe.probe(png, MediaLimits.defaults()).width());
        MediaException e = refused(png);
        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aGifClaimingTenThousandFramesIsRefusedBeforeDecodingThem() {
        byte[] gif = TestImages.gifOfTinyFrames(10_000);
        MediaException e = refused(gif);
        assertEquals(MediaException.Reason.TOO_MANY_FRAMES, e.reason());
        assertTrue(e.getMessage().contains("300"), e.getMessage());
    }

    @Test
    void aGifWithinTheFrameLimitIsAccepted() {
        // the same hand-written frames, few enough: proves the refusal above is the limit, not the file
        ProcessedImage out = pipeline.process(TestImages.gifOfTinyFrames(5), ProcessingRequest.defaults());
        assertEquals(5, out.frameCount());
    }

    @Test
    void anAnimationOverTheTotalPixelLimitIsRefused() {
        List<TestImages.GifFrame> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(new TestImages.GifFrame(TestImages.solid(100, 100, 0x101010 * (i + 1)), 0, 0, 10, "none"));
        }
        byte[] gif = TestImages.gif(100, 100, frames, OptionalInt.of(0));
        ProcessingRequest tight = ProcessingRequest.defaults()
                .withLimits(MediaLimits.defaults().withAnimationLimits(300, 30_000));
        assertEquals(MediaException.Reason.TOO_MANY_FRAMES, refused(gif, tight).reason());
        ProcessingRequest fewFrames = ProcessingRequest.defaults()
                .withLimits(MediaLimits.defaults().withAnimationLimits(3, 200_000_000L));
        assertEquals(MediaException.Reason.TOO_MANY_FRAMES, refused(gif, fewFrames).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif", "webp"})
    void randomBytesAfterAValidSignatureAreRefused(String format) {
        byte[] signature = switch (format) {
            case "jpeg" -> new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
            case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            case "gif" -> "GIF89a".getBytes(StandardCharsets.US_ASCII);
            default -> "RIFF\0\0\1\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        };
        for (long seed = 1; seed <= 5; seed++) {
            byte[] junk = new byte[200_000];
            new Random(seed).nextBytes(junk);
            System.arraycopy(signature, 0, junk, 0, signature.length);
            MediaException e = refused(junk);
            assertTrue(e.reason() == MediaException.Reason.CORRUPT
                            || e.reason() == MediaException.Reason.TOO_LARGE_DIMENSIONS
                            || e.reason() == MediaException.Reason.TOO_MANY_PIXELS
                            || e.reason() == MediaException.Reason.UNSUPPORTED_TYPE,
                    format + " seed " + seed + ": " + e.reason() + " " + e.getMessage());
        }
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeAnythingElse() {
        byte[] jpeg = TestImages.jpeg(noise(200, 200));
        ProcessingRequest small = ProcessingRequest.defaults().withLimits(MediaLimits.defaults().withMaxBytes(1000));
        MediaException e = refused(jpeg, small);
        assertEquals(MediaException.Reason.TOO_LARGE_BYTES, e.reason());
        assertEquals(413, e.reason().status());
        // the byte limit comes first: even junk of that size is refused for its size, not its type
        assertEquals(MediaException.Reason.TOO_LARGE_BYTES, refused(new byte[2000], small).reason());
    }

    @Test
    void theDecodeTimeBudgetIsEnforced() {
        byte[] png = TestImages.png(noise(600, 400));
        ProcessingRequest instant = ProcessingRequest.defaults()
                .withLimits(MediaLimits.defaults().withDecodeTimeout(Duration.ofNanos(1)));
        assertEquals(MediaException.Reason.TIMED_OUT, refused(png, instant).reason());
    }

    @Test
    void aCompressedTextChunkBombIsReadOnlyUpToTheCap() {
        // 200 MB of zeros deflates to about 200 KB; readers that inflate it whole blow up
        byte[] bombChunk = TestImages.zTXt("Comment", new byte[200 * 1024 * 1024]);
        byte[] png = TestImages.insertChunks(TestImages.png(TestImages.solid(40, 30, 0x2266aa)), bombChunk);
        ProcessedImage out = assertTimeoutPreemptively(HANG_GUARD,
                () -> pipeline.process(png, ProcessingRequest.defaults()));
        assertTrue(out.metadataTruncated());
        String value = out.metadata().first("PNG-zTXt", "Comment").orElseThrow();
        assertTrue(value.length() <= MetadataReader.MAX_VALUE_CHARS);
        assertEquals(40, out.width());
    }

    @Test
    void animatedWebpIsRefusedWithAClearMessage() {
        byte[] webp = TestImages.resource("quadrants-lossy.webp").clone();
        webp[20] |= 0x02; // VP8X "animation" flag
        MediaException e = refused(webp);
        assertEquals(MediaException.Reason.UNSUPPORTED_TYPE, e.reason());
        assertTrue(e.getMessage().contains("Animated WebP"), e.getMessage());
    }

    @Test
    void anSvgRenamedToPngIsRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertEquals(MediaException.Reason.UNSUPPORTED_TYPE, refused(svg).reason());
    }

    static java.awt.image.BufferedImage noise(int w, int h) {
        var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random r = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return img;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
