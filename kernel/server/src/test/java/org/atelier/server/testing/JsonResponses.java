package org.atelier.server.testing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.atelier.server.http.Json;

/** Reading API answers in tests: one parser, one failure message for every test. */
public final class JsonResponses {
    private JsonResponses() {
    }

    /**
     * The answer's body as a JSON object.
     *
     * @param response the answer
     * @return the object
     * @throws AssertionError naming the status and body when it is not a JSON object
     */
    public static Map<String, Object> json(HttpResponse<String> response) {
        return Json.readObject(response.body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("not a JSON object: " + response.statusCode() + " "
                        + response.body()));
    }
}
