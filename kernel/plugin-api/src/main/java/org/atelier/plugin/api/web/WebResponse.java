package org.atelier.plugin.api.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an extension answers. Build one with the static factories.
 *
 * <p>A page response names a template the extension contributed and a model for it; the kernel
 * renders it (HTML-escaping every value) inside the active theme's layout. A JSON response carries
 * a value made of maps, lists, records, strings, numbers, booleans and nulls, which the kernel
 * serialises.
 *
 * @param status   the HTTP status
 * @param headers  extra response headers
 * @param body     the body of raw responses
 * @param page     the page to render, for page responses
 * @param json     the value to serialise, for JSON responses
 */
public record WebResponse(int status, Map<String, String> headers, Optional<Body> body,
                          Optional<Page> page, Optional<Object> json) {

    /**
     * A raw body.
     *
     * @param contentType its media type
     * @param bytes       its bytes
     */
    public record Body(String contentType, byte[] bytes) {
        /**
         * Validates the components.
         *
         * @param contentType its media type
         * @param bytes       its bytes
         */
        public Body {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A page rendered from a template.
     *
     * @param title    the page title
     * @param template the template's name, as contributed by {@link WebExtension#templates}
     * @param model    the values the template may use
     */
    public record Page(String title, String template, Map<String, Object> model) {
        /**
         * Validates the components and copies the model.
         *
         * @param title    the page title
         * @param template the template name
         * @param model    the template values
         */
        public Page {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(template, "template");
            model = Map.copyOf(model);
        }
    }

    /**
     * Validates the components and copies the headers.
     *
     * @param status  the HTTP status, 100–599
     * @param headers extra headers
     * @param body    a raw body
     * @param page    a page to render
     * @param json    a value to serialise
     */
    public WebResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("invalid status " + status);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(json, "json");
        if (body.isPresent() ? page.isPresent() || json.isPresent() : page.isPresent() && json.isPresent()) {
            throw new IllegalArgumentException("a response has at most one kind of body");
        }
    }

    /**
     * An HTML page rendered from a template, status 200.
     *
     * @param title    the page title
     * @param template the template name
     * @param model    the template values
     * @return the response
     */
    public static WebResponse page(String title, String template, Map<String, Object> model) {
        return new WebResponse(200, Map.of(), Optional.empty(),
                Optional.of(new Page(title, template, model)), Optional.empty());
    }

    /**
     * A JSON response, status 200.
     *
     * @param value maps, lists, records, strings, numbers, booleans
     * @return the response
     */
    public static WebResponse json(Object value) {
        return json(200, value);
    }

    /**
     * A JSON response with a status.
     *
     * @param status the HTTP status
     * @param value  maps, lists, records, strings, numbers, booleans
     * @return the response
     */
    public static WebResponse json(int status, Object value) {
        return new WebResponse(status, Map.of(), Optional.empty(), Optional.empty(),
                Optional.of(Objects.requireNonNull(value, "value")));
    }

    /**
     * A plain-text response.
     *
     * @param status the HTTP status
     * @param text   the text
     * @return the response
     */
    public static WebResponse text(int status, String text) {
        return new WebResponse(status, Map.of(), Optional.of(new Body("text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8))), Optional.empty(), Optional.empty());
    }

    /**
     * A redirect after a successful form post (303 See Other).
     *
     * @param location a path on this instance, starting with {@code /}
     * @return the response
     */
    public static WebResponse seeOther(String location) {
        if (location == null || !location.startsWith("/") || location.startsWith("//")) {
            throw new IllegalArgumentException("redirects must stay on this instance: " + location);
        }
        return new WebResponse(303, Map.of("Location", location), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * An empty response with a status, such as 204 or 404.
     *
     * @param status the HTTP status
     * @return the response
     */
    public static WebResponse status(int status) {
        return new WebResponse(status, Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This response with one more header.
     *
     * @param name  the header name
     * @param value its value
     * @return a new response
     */
    public WebResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WebResponse(status, copy, body, page, json);
    }
}
