package org.atelier.server.media;

import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.atelier.plugin.api.ImageFormat;
import org.atelier.plugin.api.detect.ImageMetadata;

/**
 * Reads every metadata tag of an image's original bytes (EXIF, GPS, XMP, IPTC, ICC, PNG text,
 * GIF extensions…) with metadata-extractor, bounded, plus the provenance summary and the EXIF
 * orientation. Stateless and thread-safe.
 *
 * <p>Bounds, and why: metadata is uploader-controlled and the values end up in the database and
 * in detector plugins. At most {@link #MAX_ENTRIES} entries are kept, each value at most
 * {@link #MAX_VALUE_CHARS} characters (enough for a ComfyUI workflow), and compressed PNG
 * chunks are inflated by {@link PngChunks} with a cap rather than by the library (which would
 * inflate a zlib bomb whole).
 */
public final class MetadataReader {

    /** Most entries kept. */
    public static final int MAX_ENTRIES = 2000;
    /** Longest value kept, in characters. */
    public static final int MAX_VALUE_CHARS = 256 * 1024;
    /** Most characters kept over all values. */
    public static final int MAX_TOTAL_CHARS = 4 * 1024 * 1024;

    /**
     * What was read.
     *
     * @param metadata    every tag found, in order, bounded
     * @param provenance  the summary the AI filtering needs
     * @param orientation the EXIF orientation, upright if none
     * @param truncated   some entries or values were cut to stay within the bounds (or a part of
     *                    the metadata could not be parsed)
     */
    public record Result(ImageMetadata metadata, Provenance provenance, Orientation orientation, boolean truncated) {
        /**
         * Validates the components.
         *
         * @param metadata    the entries
         * @param provenance  the summary
         * @param orientation the orientation
         * @param truncated   whether anything was cut
         */
        public Result {
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(provenance, "provenance");
            Objects.requireNonNull(orientation, "orientation");
        }
    }

    private MetadataReader() {
    }

    /**
     * Reads the metadata of an image's original bytes. Never refuses an image: a part that cannot
     * be parsed is skipped (and {@link Result#truncated()} set), since damaged metadata is common
     * in files whose pixels are fine.
     *
     * @param bytes  the original file
     * @param format its sniffed format
     * @return the metadata, summary and orientation
     */
    public static Result read(byte[] bytes, ImageFormat format) {
        Collector c = new Collector();
        Metadata md = null;
        try (InputStream in = new ByteArrayInputStream(
                format == ImageFormat.PNG ? PngChunks.forMetadataLibrary(bytes) : bytes)) {
            md = switch (format) {
                case JPEG -> JpegMetadataReader.readMetadata(in);
                case PNG -> PngMetadataReader.readMetadata(in);
                case GIF -> GifMetadataReader.readMetadata(in);
                case WEBP -> WebpMetadataReader.readMetadata(in);
            };
        } catch (Exception | StackOverflowError e) {
            // damaged metadata: keep what we read ourselves, note that something was skipped
            c.truncated = true;
        }
        Orientation orientation = Orientation.NORMAL;
        Optional<String> software = Optional.empty();
        Optional<String> digitalSourceType = Optional.empty();
        boolean gps = false;
        if (md != null) {
            for (Directory dir : md.getDirectories()) {
                if (dir instanceof XmpDirectory xmp) {
                    for (Map.Entry<String, String> p : xmp.getXmpProperties().entrySet()) {
                        c.add("XMP", p.getKey(), p.getValue());
                        if (p.getKey().endsWith("DigitalSourceType") && p.getValue() != null
                                && digitalSourceType.isEmpty()) {
                            digitalSourceType = Optional.of(c.cut(p.getValue()));
                        }
                    }
                    continue;
                }
                for (Tag tag : dir.getTags()) {
                    String value = safeDescription(dir, tag);
                    c.add(dir.getName(), tag.getTagName(), value);
                    if (tag.getTagName().equalsIgnoreCase("Digital Source Type") && digitalSourceType.isEmpty()) {
                        digitalSourceType = Optional.of(c.cut(value));
                    }
                }
                for (String error : dir.getErrors()) {
                    c.add(dir.getName(), "Error", error);
                }
                if (dir instanceof GpsDirectory && dir.getTagCount() > 0) {
                    gps = true;
                }
                if (dir instanceof ExifIFD0Directory ifd0) {
                    Integer o = ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
                    if (o != null && orientation == Orientation.NORMAL) {
                        orientation = Orientation.ofExif(o);
                    }
                    String sw = ifd0.getString(ExifDirectoryBase.TAG_SOFTWARE);
                    if (sw != null && !sw.isBlank() && software.isEmpty()) {
                        software = Optional.of(c.cut(sw.trim()));
                    }
                }
            }
        }
        Optional<String> parameters = Optional.empty();
        Optional<String> prompt = Optional.empty();
        Optional<String> workflow = Optional.empty();
        boolean c2pa = false;
        switch (format) {
            case PNG -> {
                for (PngChunks.Text t : PngChunks.texts(bytes, MAX_VALUE_CHARS)) {
                    c.add("PNG-" + t.chunkType(), t.keyword(), t.value());
                    c.truncated |= t.truncated();
                    String key = t.keyword().toLowerCase(Locale.ROOT);
                    switch (key) {
                        case "parameters" -> parameters = parameters.or(() -> Optional.of(t.value()));
                        case "prompt" -> prompt = prompt.or(() -> Optional.of(t.value()));
                        case "workflow" -> workflow = workflow.or(() -> Optional.of(t.value()));
                        case "software" -> {
                            if (software.isEmpty() && !t.value().isBlank()) {
                                software = Optional.of(t.value().trim());
                            }
                        }
                        default -> {
                        }
                    }
                }
                c2pa = PngChunks.has(bytes, "caBX");
            }
            case JPEG -> c2pa = JpegSegments.hasC2pa(bytes);
            case WEBP -> c2pa = ImageProbe.WebpContainer.findChunk(bytes, "C2PA") >= 0;
            case GIF -> {
                // C2PA for GIF is not settled; nothing to detect yet
            }
        }
        Provenance provenance = new Provenance(c2pa, digitalSourceType, parameters, prompt, workflow, software, gps);
        return new Result(new ImageMetadata(c.entries), provenance, orientation, c.truncated);
    }

    private static String safeDescription(Directory dir, Tag tag) {
        try {
            String d = tag.getDescription();
            if (d != null) {
                return d;
            }
            Object o = dir.getObject(tag.getTagType());
            return o == null ? "" : String.valueOf(o);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Keeps entries within the bounds. */
    private static final class Collector {
        final List<ImageMetadata.Entry> entries = new ArrayList<>();
        int totalChars;
        boolean truncated;

        void add(String directory, String tag, String value) {
            if (entries.size() >= MAX_ENTRIES || totalChars >= MAX_TOTAL_CHARS) {
                truncated = true;
                return;
            }
            String v = cut(value == null ? "" : value);
            v = v.substring(0, Math.min(v.length(), MAX_TOTAL_CHARS - totalChars));
            totalChars += v.length();
            entries.add(new ImageMetadata.Entry(cut(directory == null ? "" : directory),
                    cut(tag == null ? "" : tag), v));
        }

        String cut(String value) {
            if (value.length() > MAX_VALUE_CHARS) {
                truncated = true;
                return value.substring(0, MAX_VALUE_CHARS);
            }
            return value;
        }
    }
}
