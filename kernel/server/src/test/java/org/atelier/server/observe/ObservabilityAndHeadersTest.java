package org.atelier.server.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What operators and browsers rely on from every instance: {@code /health} reports the database,
 * {@code /metrics} speaks Prometheus, every response carries the security and AI opt-out
 * headers, and theme assets are served with safe types and never from outside the theme.
 */
class ObservabilityAndHeadersTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void healthMetricsHeadersAndAssets(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient client = instance.client();

            HttpResponse<String> health = client.get("/health");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            String kindName = kind == TestDatabase.Kind.H2 ? "H2" : "MARIADB";
            assertTrue(health.body().contains("\"name\":\"database\"") && health.body().contains(kindName), health.body());

            client.get("/");
            HttpResponse<String> metrics = client.get("/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                    metrics.headers().toString());
            assertTrue(metrics.body().contains("# TYPE ") && metrics.body().contains("requests_count_total"),
                    metrics.body().substring(0, Math.min(500, metrics.body().length())));

            for (String path : List.of("/", "/login", "/api/v1/csrf", "/no/such/page", "/static/atelier.css")) {
                HttpResponse<String> response = client.get(path);
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
                assertEquals("noai, noimageai", response.headers().firstValue("X-Robots-Tag").orElse(""), path);
                assertEquals("1", response.headers().firstValue("tdm-reservation").orElse(""), path);
                String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            }

            // the AI-training opt-out, machine-readable
            HttpResponse<String> robots = client.get("/robots.txt");
            assertEquals(200, robots.statusCode());
            assertTrue(robots.body().contains("User-agent: GPTBot\n") && robots.body().contains("User-agent: CCBot\n")
                    && robots.body().contains("User-agent: Google-Extended\n"), robots.body());
            String aiGroup = robots.body().substring(robots.body().indexOf("User-agent: GPTBot"));
            assertTrue(aiGroup.substring(0, aiGroup.indexOf("\n\n")).endsWith("Disallow: /"), robots.body());
            HttpResponse<String> tdmrep = client.get("/.well-known/tdmrep.json");
            assertEquals(200, tdmrep.statusCode());
            assertTrue(tdmrep.body().contains("\"tdm-reservation\": 1") && tdmrep.body().contains("\"location\": \"/*\""),
                    tdmrep.body());

            HttpResponse<String> css = client.get("/static/atelier.css");
            assertEquals(200, css.statusCode());
            assertEquals("text/css; charset=UTF-8", css.headers().firstValue("Content-Type").orElse(""));
            for (String hostile : List.of("/static/../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml",
                    "/static/templates/layout.mustache", "/static/nope.css")) {
                assertEquals(404, client.get(hostile).statusCode(), hostile);
            }
        }
    }
}
