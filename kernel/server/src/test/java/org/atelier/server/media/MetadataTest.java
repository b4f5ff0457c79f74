package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atelier.plugin.api.ImageFormat;
import org.atelier.plugin.api.detect.ImageMetadata;
import org.junit.jupiter.api.Test;

/** Provenance is read from the original; nothing of it survives into any rendition. */
class MetadataTest {

    private static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private static byte[] cameraJpeg() {
        byte[] jpeg = TestImages.jpegWithExif(TestImages.quadrants(300, 200, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00), 1,
                true);
        jpeg = TestImages.insertSegment(jpeg, 0xe1, TestImages.xmp(TRAINED));
        return TestImages.insertSegment(jpeg, 0xeb, TestImages.app11C2pa());
    }

    private static byte[] generatorPng() {
        byte[] png = TestImages.png(TestImages.quadrants(300, 200, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00));
        return TestImages.insertChunks(png,
                TestImages.tEXt("parameters", "a cat in a hat, masterpiece\nSteps: 20, Sampler: Euler a, Seed: 42"),
                TestImages.iTXt("prompt", "{\"3\":{\"class_type\":\"KSampler\"}}", true),
                TestImages.iTXt("workflow", "{\"nodes\":[]}", false),
                TestImages.tEXt("Software", "ComfyUI"),
                TestImages.chunk("caBX", TestImages.c2paJumbf()),
                TestImages.chunk("eXIf", exifBody()));
    }

    /** The eXIf chunk holds the TIFF structure without the "Exif\0\0" prefix of APP1. */
    private static byte[] exifBody() {
        byte[] app1 = TestImages.exif(1, "PNG Exif Writer 2.0", true);
        return java.util.Arrays.copyOfRange(app1, 6, app1.length);
    }

    @Test
    void readsCameraProvenanceFromAJpeg() {
        byte[] jpeg = cameraJpeg();
        MetadataReader.Result r = MetadataReader.read(jpeg, ImageFormat.JPEG);
        Provenance p = r.provenance();
        assertTrue(p.c2paManifest(), "APP11 JUMBF c2pa box");
        assertEquals(Optional.of(TRAINED), p.digitalSourceType());
        assertEquals(Optional.of("TestCam Firmware 1.0"), p.software());
        assertTrue(p.gps());
        assertFalse(p.generatorTextChunks());
        ImageMetadata md = r.metadata();
        assertEquals(Optional.of("TestCam Firmware 1.0"), md.first("Exif IFD0", "Software"));
        assertTrue(md.entries().stream().anyMatch(e -> e.directory().equals("GPS") && e.tag().equals("GPS Latitude")),
                md.entries().toString());
        assertTrue(md.entries().stream().anyMatch(e -> e.directory().equals("XMP") && e.value().equals(TRAINED)));
    }

    @Test
    void readsGeneratorTextChunksFromAPng() {
        MetadataReader.Result r = MetadataReader.read(generatorPng(), ImageFormat.PNG);
        Provenance p = r.provenance();
        assertTrue(p.c2paManifest(), "caBX chunk");
        assertTrue(p.sdParameters().orElseThrow().contains("Steps: 20"));
        assertEquals(Optional.of("{\"3\":{\"class_type\":\"KSampler\"}}"), p.comfyPrompt());
        assertEquals(Optional.of("{\"nodes\":[]}"), p.comfyWorkflow());
        // EXIF Software wins over a PNG text chunk of the same name; both are kept as entries
        assertEquals(Optional.of("PNG Exif Writer 2.0"), p.software());
        assertEquals(Optional.of("ComfyUI"), r.metadata().first("PNG-tEXt", "Software"));
        assertTrue(p.gps(), "GPS in the eXIf chunk");
        assertTrue(p.generatorTextChunks());
        ImageMetadata md = r.metadata();
        assertTrue(md.first("PNG-tEXt", "parameters").orElseThrow().startsWith("a cat in a hat"));
        assertTrue(md.first("PNG-iTXt", "prompt").isPresent());
        assertFalse(r.truncated());
    }

    @Test
    void aPlainImageHasNoProvenance() {
        MetadataReader.Result r = MetadataReader.read(TestImages.png(TestImages.solid(10, 10, 0)), ImageFormat.PNG);
        assertEquals(Provenance.none(), r.provenance());
        assertEquals(Orientation.NORMAL, r.orientation());
    }

    @Test
    void valuesAreBounded() {
        String huge = "x".repeat(MetadataReader.MAX_VALUE_CHARS + 5000);
        byte[] png = TestImages.insertChunks(TestImages.png(TestImages.solid(10, 10, 0)),
                TestImages.iTXt("workflow", huge, true));
        MetadataReader.Result r = MetadataReader.read(png, ImageFormat.PNG);
        assertTrue(r.truncated());
        assertEquals(MetadataReader.MAX_VALUE_CHARS, r.metadata().first("PNG-iTXt", "workflow").orElseThrow().length());
    }

    @Test
    void noRenditionOfACameraJpegKeepsAnyMetadata() throws Exception {
        ProcessedImage out = new MediaPipeline().process(cameraJpeg(), ProcessingRequest.defaults());
        assertTrue(out.provenance().gps(), "GPS was read from the original");
        assertTrue(out.renditions().size() >= 3);
        for (Rendition r : out.renditions().values()) {
            assertEquals("image/jpeg", r.mediaType());
            assertStripped(r);
            assertFalse(new String(r.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("TestCam"),
                    r.name() + " carries no trace of the camera");
        }
    }

    @Test
    void noRenditionOfAGeneratorPngKeepsAnyMetadata() throws Exception {
        ProcessedImage out = new MediaPipeline().process(generatorPng(), ProcessingRequest.defaults());
        assertTrue(out.provenance().comfyPrompt().isPresent(), "read from the original");
        for (Rendition r : out.renditions().values()) {
            assertEquals("image/png", r.mediaType());
            assertStripped(r);
            for (String chunk : List.of("tEXt", "zTXt", "iTXt", "eXIf", "caBX", "iCCP")) {
                assertFalse(PngChunks.has(r.bytes(), chunk), r.name() + " has no " + chunk);
            }
        }
    }

    @Test
    void webpMetadataIsStrippedToo() throws Exception {
        ProcessedImage out = new MediaPipeline().process(TestImages.resource("quadrants-lossy.webp"),
                ProcessingRequest.defaults());
        for (Rendition r : out.renditions().values()) {
            assertStripped(r);
        }
    }

    /** Reads the rendition back with metadata-extractor: no EXIF, GPS, XMP, IPTC or text survive. */
    static void assertStripped(Rendition r) throws Exception {
        Metadata md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(r.bytes()));
        List<String> found = new ArrayList<>();
        for (Directory d : md.getDirectories()) {
            if (d instanceof GpsDirectory || d instanceof ExifIFD0Directory || d instanceof XmpDirectory
                    || d instanceof IptcDirectory || d.getName().startsWith("Exif")
                    || d.getName().matches("PNG-(tEXt|zTXt|iTXt)") || d.getName().equals("ICC Profile")) {
                found.add(d.getName());
            }
        }
        assertTrue(found.isEmpty(), r.name() + " still carries " + found);
    }
}
