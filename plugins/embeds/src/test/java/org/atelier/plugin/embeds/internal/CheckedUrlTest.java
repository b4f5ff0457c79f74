package org.atelier.plugin.embeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckedUrlTest {

    @ParameterizedTest
    @CsvSource({"90,90", "90s,90", "1h2m3s,3723", "2m,120", "1h,3600", "01m,60", "86400,86400",
        "2m5s,125"})
    void startPositionsInSeconds(String raw, int seconds) {
        assertEquals(OptionalInt.of(seconds), CheckedUrl.startSeconds(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0s", "abc", "1m30", "-5", "5.5", "86401", "9999999", "99h",
        "1h%22", "1s2m", "1h2m3s4", " 5", "１２"})
    void implausibleStartPositionsAreDropped(String raw) {
        assertEquals(OptionalInt.empty(), CheckedUrl.startSeconds(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"framatube.org", "tube.example.org", "a.b.c.de", "xn--bcher-kva.ch",
        "1tube.org", "peer-tube.social"})
    void publicDnsNames(String host) {
        assertTrue(CheckedUrl.isPublicDnsName(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "1.2.3.4", "0x7f.1", "2130706433", "tube.local",
        "tube.localhost", "x.internal", "-a.org", "a-.org", "a..org", ".org", "org.", "tube.test",
        "tube_1.org", "[::1]", "router.lan", "x.home.arpa"})
    void notPublicDnsNames(String host) {
        assertFalse(CheckedUrl.isPublicDnsName(host), host);
    }

    @Test
    void overlongLabelsAndNamesAreNotDnsNames() {
        assertFalse(CheckedUrl.isPublicDnsName("a".repeat(64) + ".org"));
        assertTrue(CheckedUrl.isPublicDnsName("a".repeat(63) + ".org"));
        assertFalse(CheckedUrl.isPublicDnsName(("a".repeat(60) + ".").repeat(5) + "org"));
    }

    @Test
    void splitsIntoRawParts() {
        CheckedUrl url = CheckedUrl.of(URI.create("HTTPS://Tube.Example.ORG/a/b/?x=1&y&x=2&z=%22"))
                .orElseThrow();
        assertEquals("tube.example.org", url.host());
        assertEquals(List.of("a", "b"), url.segments());
        assertEquals(Optional.empty(), url.param("x"));
        assertTrue(url.hasParam("x"));
        assertEquals(Optional.of(""), url.param("y"));
        assertEquals(Optional.of("%22"), url.param("z"));
        assertEquals(Optional.empty(), url.param("X"));
    }

    @Test
    void rootPathHasNoSegments() {
        assertEquals(List.of(), CheckedUrl.of(URI.create("https://vimeo.com")).orElseThrow().segments());
        assertEquals(List.of(), CheckedUrl.of(URI.create("https://vimeo.com/")).orElseThrow().segments());
    }

    @Test
    void lengthLimitIsInclusive() {
        String prefix = "https://vimeo.com/1?p=";
        String atLimit = prefix + "a".repeat(CheckedUrl.MAX_LENGTH - prefix.length());
        assertTrue(CheckedUrl.of(URI.create(atLimit)).isPresent());
        assertFalse(CheckedUrl.of(URI.create(atLimit + "a")).isPresent());
    }

    @Test
    void startQueryPrefersTheFirstNamePresent() {
        CheckedUrl url = CheckedUrl.of(URI.create("https://youtu.be/x?start=40&t=1m")).orElseThrow();
        assertEquals("?start=60", url.startQuery("t", "start"));
        assertEquals("?start=40", url.startQuery("start"));
        assertEquals("", url.startQuery("time"));
    }
}
