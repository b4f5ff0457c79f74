package org.atelier.testrig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body as a browser sends an HTML form with files, for page tests
 * that submit upload forms without a browser.
 */
public final class MultipartForm {
    private final String boundary = "----atelier-test-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /**
     * Adds a text field.
     *
     * @param name  the field's name
     * @param value its value
     * @return this form
     */
    public MultipartForm field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    /**
     * Adds a file.
     *
     * @param name        the field's name
     * @param filename    the file's name
     * @param contentType the type the browser would claim
     * @param content     the file
     * @return this form
     */
    public MultipartForm file(String name, String filename, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** @return the request's content type, with the boundary */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the whole body, closed */
    public byte[] body() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(body.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return copy.toByteArray();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
