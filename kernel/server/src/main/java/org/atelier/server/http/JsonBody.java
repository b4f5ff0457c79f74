package org.atelier.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON object request body read with types checked: a field of the wrong type is a 400 naming
 * the field, never a silently ignored value or a server error. Absent and {@code null} fields
 * are empty.
 */
public final class JsonBody {
    /** The largest JSON body an API call accepts. */
    public static final int MAX_BYTES = 256 * 1024;

    private final Map<String, Object> fields;

    private JsonBody(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Reads the exchange's body.
     *
     * @param x the exchange
     * @return the body
     * @throws HttpError 400 when the body is not a JSON object, 413 when too large
     */
    public static JsonBody of(Exchange x) {
        return new JsonBody(Json.readObject(x.body(MAX_BYTES))
                .orElseThrow(() -> new HttpError(400, "The body must be a JSON object.")));
    }

    /**
     * @param name the field
     * @return whether the body has the field (even as null)
     */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /**
     * A string field.
     *
     * @param name the field
     * @return its value
     */
    public Optional<String> string(String name) {
        return typed(name, String.class, "a string");
    }

    /**
     * A boolean field.
     *
     * @param name the field
     * @return its value
     */
    public Optional<Boolean> bool(String name) {
        return typed(name, Boolean.class, "true or false");
    }

    private <T> Optional<T> typed(String name, Class<T> type, String expected) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (type.isInstance(v)) {
            return Optional.of(type.cast(v));
        }
        throw new HttpError(400, "\"" + name + "\" must be " + expected + ".");
    }

    /**
     * A whole-number field.
     *
     * @param name the field
     * @return its value
     */
    public Optional<Long> number(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer || v instanceof Long) {
            return Optional.of(((Number) v).longValue());
        }
        throw new HttpError(400, "\"" + name + "\" must be a whole number.");
    }

    /**
     * A list of strings.
     *
     * @param name     the field
     * @param maxItems the most items accepted (a hostile body could send millions)
     * @return its value
     */
    public Optional<List<String>> strings(String name, int maxItems) {
        return list(name, maxItems, "strings", item -> item instanceof String s ? s : null);
    }

    /**
     * A list of objects, each read as a {@link JsonBody}.
     *
     * @param name     the field
     * @param maxItems the most items accepted
     * @return its value
     */
    @SuppressWarnings("unchecked")
    public Optional<List<JsonBody>> objects(String name, int maxItems) {
        return list(name, maxItems, "objects",
                item -> item instanceof Map<?, ?> map ? new JsonBody((Map<String, Object>) map) : null);
    }

    /** A list whose items {@code read} converts, or refuses by answering null. */
    private <T> Optional<List<T>> list(String name, int maxItems, String itemKind, Function<Object, T> read) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            throw new HttpError(400, "\"" + name + "\" must be a list of " + itemKind + ".");
        }
        if (list.size() > maxItems) {
            throw new HttpError(400, "\"" + name + "\" holds at most " + maxItems + " items.");
        }
        List<T> out = new ArrayList<>();
        for (Object item : list) {
            T value = read.apply(item);
            if (value == null) {
                throw new HttpError(400, "\"" + name + "\" must be a list of " + itemKind + ".");
            }
            out.add(value);
        }
        return Optional.of(out);
    }
}
