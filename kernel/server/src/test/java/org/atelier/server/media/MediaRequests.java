package org.atelier.server.media;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.atelier.server.http.Json;
import org.atelier.testrig.BrowserClient;

/**
 * The media API as the tests drive it: upload, read the JSON view, and wait for the render job by
 * polling with a deadline (never a fixed sleep).
 */
final class MediaRequests {
    /** How long a render may take on a loaded two-core machine before a test gives up. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private MediaRequests() {
    }


    /** Uploads an image, expects {@code 202 processing}, returns the view. */
    static Map<String, Object> upload(BrowserClient client, String query, byte[] image) {
        HttpResponse<String> accepted = client.raw("POST", "/api/v1/media" + query, "image/jpeg", image);
        assertEquals(202, accepted.statusCode(), accepted.body());
        Map<String, Object> view = json(accepted);
        assertEquals("processing", view.get("state"), accepted.body());
        assertEquals("/api/v1/media/" + view.get("id"), accepted.headers().firstValue("Location").orElse(""));
        return view;
    }

    /** The image's current view. */
    static Map<String, Object> get(BrowserClient client, Object id) {
        HttpResponse<String> response = client.get("/api/v1/media/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** Polls until the image leaves {@code processing}, expects {@code state}, returns the view. */
    static Map<String, Object> await(BrowserClient client, Object id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Map<String, Object> view = get(client, id);
            if (!"processing".equals(view.get("state"))) {
                assertEquals(state, view.get("state"), view.toString());
                return view;
            }
            if (System.nanoTime() > deadline) {
                fail("still processing after " + DEADLINE + ": " + view);
            }
            Thread.sleep(50);
        }
    }

    /** A rendition's bytes (expects 200). */
    static byte[] rendition(BrowserClient client, Object id, String name) {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(client.base().resolve("/media/" + id + "/"
                + name)), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), name);
        return response.body();
    }

    /** How many files a directory tree holds. */
    static long files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
