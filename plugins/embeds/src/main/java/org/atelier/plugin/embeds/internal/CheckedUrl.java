package org.atelier.plugin.embeds.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL that passed the checks every provider needs, split into the parts providers match on.
 *
 * <p>Path segments and query values stay raw: nothing is ever percent-decoded, and a path
 * holding {@code %} at all is refused, so an encoded quote or slash can never turn into a real
 * one after validation. Providers then match the raw parts against strict patterns.
 *
 * @param host     the host, lower-case ASCII
 * @param segments the path's segments, none empty (a single trailing slash is tolerated)
 * @param query    the raw query parameters, each name with every value it was given
 */
record CheckedUrl(String host, List<String> segments, Map<String, List<String>> query) {

    /** The kernel promises no more; anything longer is not a link a person shared. */
    static final int MAX_LENGTH = 2048;

    /** Long enough for a 12-hour stream archive; anything beyond is junk, not a position. */
    static final int MAX_START_SECONDS = 86_400;

    // Checked before lower-casing: toLowerCase maps some non-ASCII letters to ASCII ones
    // (the Kelvin sign becomes 'k'), which would let a look-alike host pass an exact match.
    private static final Pattern ASCII_HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}");
    private static final Pattern CLOCK =
            Pattern.compile("(?:([0-9]{1,2})h)?(?:([0-9]{1,4})m)?(?:([0-9]{1,6})s)?");

    // Suffixes that never name a public server: reserved ones, and those that reach only the
    // viewer's own machine or network, where a frame would let a post probe the viewer's LAN.
    private static final Set<String> PRIVATE_TLDS =
            Set.of("localhost", "local", "localdomain", "internal", "lan", "home", "arpa",
                    "invalid", "test", "example");

    /**
     * Applies the common checks: http or https only, no user-info, the scheme's default port
     * only, an ASCII host name, no empty or percent-encoded path segments, bounded length.
     *
     * @param url a URL from a post, possibly hostile, possibly {@code null}
     * @return the checked parts, or empty when any check fails
     */
    static Optional<CheckedUrl> of(URI url) {
        if (url == null || url.isOpaque() || url.toString().length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        String host = url.getHost();
        if (defaultPort < 0 || url.getRawUserInfo() != null
                || (url.getPort() != -1 && url.getPort() != defaultPort)
                || host == null || !ASCII_HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return segments(url.getRawPath()).map(segments -> new CheckedUrl(
                host.toLowerCase(Locale.ROOT), segments, query(url.getRawQuery())));
    }

    /**
     * The single value of a query parameter.
     *
     * @param name the parameter's exact name
     * @return its raw value, or empty when absent or given more than once (ambiguous)
     */
    Optional<String> param(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /**
     * Whether a query parameter appears at all.
     *
     * @param name the parameter's exact name
     * @return true when given at least once
     */
    boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /**
     * The start position to hand a player, from the first of the named parameters present.
     *
     * @param names parameter names in order of preference, for example {@code t}, {@code start}
     * @return {@code ?start=N} with N in seconds, or an empty string when absent or not plausible
     */
    String startQuery(String... names) {
        for (String name : names) {
            if (hasParam(name)) {
                OptionalInt start = param(name).map(CheckedUrl::startSeconds).orElse(OptionalInt.empty());
                return start.isPresent() ? "?start=" + start.getAsInt() : "";
            }
        }
        return "";
    }

    /**
     * Whether the host may serve an embed we build from its name alone (PeerTube): a public DNS
     * name, never an IP literal, a dotless name or a private-use suffix.
     *
     * @param host a lower-case ASCII host from {@link #host()}
     * @return true for names such as {@code tube.example.org}
     */
    static boolean isPublicDnsName(String host) {
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253 || labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        // A numeric last label means an IPv4 address in one of its many spellings.
        return HAS_LETTER.matcher(tld).matches() && !PRIVATE_TLDS.contains(tld);
    }

    /**
     * Parses a start position such as {@code 90}, {@code 90s} or {@code 1h2m3s}.
     *
     * @param raw the raw parameter value
     * @return the position in seconds, or empty when zero, unparseable or not plausible
     */
    static OptionalInt startSeconds(String raw) {
        long total;
        Matcher clock = CLOCK.matcher(raw);
        if (SECONDS.matcher(raw).matches()) {
            total = Long.parseLong(raw);
        } else if (!raw.isEmpty() && clock.matches()) {
            total = 3600 * number(clock.group(1)) + 60 * number(clock.group(2)) + number(clock.group(3));
        } else {
            return OptionalInt.empty();
        }
        return total > 0 && total <= MAX_START_SECONDS ? OptionalInt.of((int) total) : OptionalInt.empty();
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Optional<List<String>> segments(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return Optional.of(List.of());
        }
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (!path.startsWith("/") || path.indexOf('%') >= 0) {
            return Optional.empty();
        }
        List<String> segments = List.of(path.substring(1).split("/", -1));
        return segments.contains("") ? Optional.empty() : Optional.of(segments);
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        }
        params.replaceAll((name, values) -> List.copyOf(values));
        return Map.copyOf(params);
    }
}
