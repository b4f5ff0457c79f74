package org.atelier.server.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.atelier.plugin.api.ImageFormat;

/**
 * Tells an image's format from its first bytes, never from a file name or a declared content
 * type (both are the uploader's or the remote server's claim, and hostile until checked).
 *
 * <p>Only the four formats the pipeline decodes are recognised. Anything else — SVG (script),
 * HTML, PDF, BMP, TIFF, HEIC, text, an empty body — is refused, with a message that names what
 * it looked like when that is easy to tell, so the uploader knows what to do.
 */
public final class ImageSniffer {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageSniffer() {
    }

    /**
     * The format of an image, judged from its bytes.
     *
     * @param bytes the file
     * @return the format, if it is one the pipeline accepts
     */
    public static Optional<ImageFormat> detect(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
            return Optional.of(ImageFormat.GIF);
        }
        if (bytes.length >= 16 && startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    /**
     * The format of an image, or a refusal.
     *
     * @param bytes the file
     * @return the format
     * @throws MediaException {@link MediaException.Reason#UNSUPPORTED_TYPE} if it is not JPEG, PNG, GIF or WebP
     */
    public static ImageFormat sniff(byte[] bytes) {
        return detect(bytes).orElseThrow(() -> new MediaException(MediaException.Reason.UNSUPPORTED_TYPE,
                describeUnsupported(bytes) + " Upload a JPEG, PNG, GIF or WebP image."));
    }

    /** A short, human description of what an unsupported file looks like. */
    private static String describeUnsupported(byte[] bytes) {
        if (bytes.length == 0) {
            return "The file is empty.";
        }
        if (startsWith(bytes, 0, ascii("%PDF"))) {
            return "This is a PDF document, not an image.";
        }
        if (startsWith(bytes, 0, ascii("BM"))) {
            return "BMP images are not supported.";
        }
        if (startsWith(bytes, 0, new byte[] {'I', 'I', 42, 0}) || startsWith(bytes, 0, new byte[] {'M', 'M', 0, 42})) {
            return "TIFF images are not supported.";
        }
        if (bytes.length >= 12 && startsWith(bytes, 4, ascii("ftyp"))) {
            return "HEIC/AVIF images are not supported.";
        }
        // text formats: look at the start, skipping a BOM and white space
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<svg") || head.contains("<svg")) {
            return "SVG images are not accepted (they can carry scripts).";
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<script")) {
            return "This is an HTML document, not an image.";
        }
        if (head.startsWith("<?xml")) {
            return "This is an XML document, not an image.";
        }
        return "This file is not an image we can read.";
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
