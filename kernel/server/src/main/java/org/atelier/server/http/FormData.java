package org.atelier.server.http;

import io.helidon.http.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted HTML form, multipart (with files) or URL-encoded, read once with its CSRF token
 * checked: the fields by name in order, and the files. Page handlers that accept uploads use it
 * so that the same form works with and without files.
 */
public final class FormData {
    private final Map<String, List<String>> values;
    private final List<Multipart.Part> files;

    private FormData(Map<String, List<String>> values, List<Multipart.Part> files) {
        this.values = values;
        this.files = files;
    }

    /**
     * Reads the request's form and checks its {@code _csrf} field.
     *
     * @param x        the exchange
     * @param maxBytes the largest body accepted
     * @param maxParts the most multipart parts accepted
     * @return the form
     * @throws HttpError 400/413/415 for a malformed or oversized form, 403 for a bad CSRF token
     */
    public static FormData read(Exchange x, long maxBytes, int maxParts) {
        String type = x.request().headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Multipart.Part> files = new ArrayList<>();
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            for (Multipart.Part part : Multipart.parseAll(type, x.body((int) Math.min(Integer.MAX_VALUE - 8, maxBytes)),
                    maxParts)) {
                if (part.filename().isPresent()) {
                    if (part.content().length > 0) {
                        files.add(part);
                    }
                } else {
                    values.computeIfAbsent(part.name(), k -> new ArrayList<>()).add(part.text());
                }
            }
        } else {
            String body = new String(x.body(Exchange.MAX_FORM_BYTES), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                if (!pair.isEmpty()) {
                    Map<String, String> one = Exchange.parseUrlEncoded(pair);
                    one.forEach((k, v) -> values.computeIfAbsent(k, n -> new ArrayList<>()).add(v));
                }
            }
        }
        FormData form = new FormData(values, files);
        x.requireCsrf(form.first("_csrf").orElse(""));
        return form;
    }

    /**
     * A form made from values (a stored object shown for editing).
     *
     * @param values the fields
     * @return the form
     */
    public static FormData of(Map<String, List<String>> values) {
        return new FormData(new LinkedHashMap<>(values), List.of());
    }

    /**
     * A copy with one field replaced.
     *
     * @param name   the field
     * @param values its new values
     * @return the copy (without files)
     */
    public FormData with(String name, List<String> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>(this.values);
        copy.put(name, List.copyOf(values));
        return new FormData(copy, List.of());
    }

    /**
     * @param name the field
     * @return its first value
     */
    public Optional<String> first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * @param name the field
     * @return its first value, or ""
     */
    public String text(String name) {
        return first(name).orElse("");
    }

    /**
     * @param name the field
     * @return its non-blank values in order
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(s -> !s.isBlank()).toList();
    }

    /**
     * @param name the field
     * @return whether the form has it
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A checkbox: present (and not "false") means checked.
     *
     * @param name the field
     * @return whether it is checked
     */
    public boolean checked(String name) {
        return first(name).map(s -> !s.isEmpty() && !"false".equals(s)).orElse(false);
    }

    /**
     * @param name the file field
     * @return its non-empty files in order
     */
    public List<Multipart.Part> files(String name) {
        return files.stream().filter(p -> p.name().equals(name)).toList();
    }
}
