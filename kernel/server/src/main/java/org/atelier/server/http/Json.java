package org.atelier.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in and out of the API, with one configured mapper: {@link Optional}s and {@code java.time}
 * values written naturally, unknown input properties ignored. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /**
     * Serialises a value.
     *
     * @param value maps, lists, records, scalars
     * @return UTF-8 JSON bytes
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /**
     * Parses a JSON object.
     *
     * @param bytes the body
     * @return the object, or empty when the body is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> readObject(byte[] bytes) {
        try {
            Object value = MAPPER.readValue(bytes, Object.class);
            return value instanceof Map ? Optional.of((Map<String, Object>) value) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A string field of a parsed object.
     *
     * @param object the object
     * @param name   the field
     * @return its value when it is a string
     */
    public static Optional<String> string(Map<String, Object> object, String name) {
        Object value = object.get(name);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
