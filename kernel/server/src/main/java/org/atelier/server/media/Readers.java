package org.atelier.server.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.atelier.plugin.api.ImageFormat;

/**
 * Opens ImageIO readers on in-memory files, with the time bound and the warning capture the
 * pipeline relies on, and turns whatever they throw into a {@link MediaException}.
 */
final class Readers {

    private Readers() {
    }

    /** Work done with an open reader. */
    @FunctionalInterface
    interface ReaderWork<T> {
        T apply(ImageReader reader, List<String> warnings) throws IOException;
    }

    /**
     * Runs work with a reader for the format, set on the bytes, and disposes of it afterwards.
     *
     * @param bytes   the file
     * @param format  its sniffed format
     * @param limits  the time budget comes from here
     * @param ignoreMetadata true to let the reader skip metadata (the JDK's PNG reader then skips
     *                text and ICC chunks instead of inflating them whole)
     * @param work    what to do
     * @param <T>     the result type
     * @return what the work returned
     */
    static <T> T withReader(byte[] bytes, ImageFormat format, MediaLimits limits, boolean ignoreMetadata,
                             ReaderWork<T> work) {
        ImageReader reader = newReader(format);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        // the JPEG reader reports a truncated file only as a warning ("Premature end of JPEG file")
        // and fills the rest with grey: callers treat warnings as corruption
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        long deadline = System.nanoTime() + limits.decodeTimeout().toNanos();
        try (BoundedImageInputStream in = new BoundedImageInputStream(bytes, deadline)) {
            reader.setInput(in, false, ignoreMetadata);
            return work.apply(reader, warnings);
        } catch (MediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        } finally {
            reader.dispose();
        }
    }

    /** A fresh reader (ImageIO readers are stateful and not thread-safe). */
    static ImageReader newReader(ImageFormat format) {
        String name = switch (format) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        if (!readers.hasNext()) {
            // the WebP reader is a TwelveMonkeys service: register it if the class path scan missed it
            ImageIO.scanForPlugins();
            readers = ImageIO.getImageReadersByFormatName(name);
            if (!readers.hasNext()) {
                throw new MediaException(MediaException.Reason.UNSUPPORTED_TYPE,
                        format + " images cannot be decoded on this server.");
            }
        }
        return readers.next();
    }

    /** Maps what a decoder threw to a refusal the uploader can read. */
    static MediaException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedImageInputStream.DeadlineExceeded) {
                return new MediaException(MediaException.Reason.TIMED_OUT,
                        "The image took too long to decode and was refused.", e);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unsupported Image Type") || message.contains("Unsupported JPEG process")) {
            return new MediaException(MediaException.Reason.UNSUPPORTED_TYPE,
                    "This JPEG variant (for example CMYK or lossless JPEG) is not supported.", e);
        }
        return new MediaException(MediaException.Reason.CORRUPT,
                "The image is damaged or incomplete and could not be read.", e);
    }
}
