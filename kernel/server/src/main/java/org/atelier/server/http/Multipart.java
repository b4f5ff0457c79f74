package org.atelier.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, strict reader of {@code multipart/form-data} bodies, for the admin's plugin upload
 * form (Helidon 4.5's multipart module is not available here). It reads an already size-bounded
 * body, keeps the first part of each name, and refuses anything malformed.
 */
public final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([A-Za-z0-9'()+_,\\-./:=? ]{1,70})\"?");
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z])name=\"([^\"]{1,100})\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]{0,255})\"");
    private static final int MAX_PARTS = 20;

    private Multipart() {
    }

    /**
     * One part of a multipart body.
     *
     * @param name     the form field's name
     * @param filename the uploaded file's name, empty for plain fields
     * @param content  the part's bytes
     */
    public record Part(String name, Optional<String> filename, byte[] content) {

        /** @return the content as UTF-8 text */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * Parses a body, keeping the first part of each name.
     *
     * @param contentType the request's content type
     * @param body        the whole body
     * @return the parts' contents by field name
     * @throws HttpError 400 when the body is not well-formed multipart
     */
    public static Map<String, byte[]> parse(String contentType, byte[] body) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (Part part : parseAll(contentType, body, MAX_PARTS)) {
            parts.putIfAbsent(part.name(), part.content());
        }
        return parts;
    }

    /**
     * Parses a body into all its parts, in order (a form may repeat a name: several files, a list).
     *
     * @param contentType the request's content type
     * @param body        the whole body
     * @param maxParts    the most parts accepted
     * @return the parts
     * @throws HttpError 400 when the body is not well-formed multipart or has too many parts
     */
    public static List<Part> parseAll(String contentType, byte[] body, int maxParts) {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new HttpError(415, "Expected a multipart/form-data upload.");
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw new HttpError(400, "The upload has no multipart boundary.");
        }
        byte[] delimiter = ("--" + b.group(1).strip()).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), delimiter);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new HttpError(400, "The upload is not well-formed.");
        }
        while (parts.size() <= maxParts) {
            int afterDelimiter = position + delimiter.length;
            if (afterDelimiter + 2 <= body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return parts;
            }
            int headersStart = afterDelimiter + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new HttpError(400, "The upload is not well-formed.");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int next = indexOf(body, nextDelimiter, headersEnd + 4);
            if (next < 0) {
                throw new HttpError(400, "The upload is not well-formed.");
            }
            Optional<String> name = disposition(headers, NAME);
            if (name.isPresent()) {
                parts.add(new Part(name.get(), disposition(headers, FILENAME),
                        Arrays.copyOfRange(body, headersEnd + 4, next)));
            }
            position = next + 2;
        }
        throw new HttpError(400, "The upload has too many parts.");
    }

    private static Optional<String> disposition(String headers, Pattern parameter) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher m = parameter.matcher(line);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
