package org.atelier.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How extension route patterns match request paths. */
class RoutePatternTest {

    @Test
    void literalPathsMatchExactly() {
        assertEquals(Optional.of(Map.of()), RoutePattern.match("/jobs", "/jobs"));
        assertEquals(Optional.of(Map.of()), RoutePattern.match("/jobs/new", "/jobs/new"));
        assertEquals(Optional.of(Map.of()), RoutePattern.match("/", "/"));
    }

    @Test
    void parametersTakeOneSegmentEach() {
        assertEquals(Optional.of(Map.of("id", "42")), RoutePattern.match("/jobs/{id}", "/jobs/42"));
        assertEquals(Optional.of(Map.of("owner", "ada", "id", "7")),
                RoutePattern.match("/u/{owner}/jobs/{id}", "/u/ada/jobs/7"));
        assertEquals(Optional.of(Map.of("id", "a.b-c~d")), RoutePattern.match("/jobs/{id}", "/jobs/a.b-c~d"));
        assertEquals(Optional.of(Map.of("id", "new")), RoutePattern.match("/jobs/{id}", "/jobs/new"));
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
        "/jobs, /jobs/",
        "/jobs, /job",
        "/jobs, /jobsx",
        "/jobs, /Jobs",
        "/jobs, /",
        "/, /jobs",
        "/, ''",
        "/jobs, ''",
        "/jobs, jobs",
        "/jobs/{id}, /jobs",
        "/jobs/{id}, /jobs/",
        "/jobs/{id}, /jobs//",
        "/jobs/{id}, /jobs/42/",
        "/jobs/{id}, /jobs/42/edit",
        "/jobs/{id}, //jobs/42",
        "/jobs/{id}/edit, /jobs/42/view",
        "/jobs/{id}/edit, /jobs//edit",
        "/a/{b}, /x/y"})
    void mismatches(String pattern, String path) {
        assertTrue(RoutePattern.match(pattern, path).isEmpty(), pattern + " matched " + path);
    }
}
