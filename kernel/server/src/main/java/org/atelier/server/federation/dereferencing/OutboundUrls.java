package org.atelier.server.federation.dereferencing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.atelier.server.federation.dereferencing.OutboundException.Reason;

/**
 * Which URLs an outbound request may be sent to, before any address is looked at: absolute
 * http or https URLs with a host name or an IP literal in the usual notation, no user
 * information and a real port. The URL may come from a remote document or a {@code Location}
 * header, so every refusal says what was wrong. Stateless.
 */
final class OutboundUrls {
    private OutboundUrls() {
    }

    /**
     * Checks a URL to be requested.
     *
     * @param uri the URL
     * @return the URL without its fragment (never sent)
     * @throws OutboundException {@link Reason#BAD_URL} saying what is wrong
     */
    static URI check(URI uri) {
        if (uri == null) {
            throw bad("no URL given");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(uri.getScheme() == null ? "not an absolute URL: " + shorten(uri.toString())
                    : "only http and https URLs are fetched, not " + shorten(uri.getScheme()) + ": "
                    + shorten(uri.toString()));
        }
        if (uri.getRawUserInfo() != null) {
            // user information in a URL is a classic way to make one host look like another
            throw bad("URLs with user information are refused: " + shorten(uri.toString()));
        }
        if (uri.getHost() == null) {
            throw bad("no valid host name in " + shorten(uri.toString())
                    + " (names must be ASCII, punycode for others)");
        }
        String host = host(uri);
        if (host.isEmpty() || host.length() > 253) {
            throw bad("host name is empty or too long: " + shorten(uri.toString()));
        }
        if (uri.getHost().startsWith("[")) {
            if (IpLiterals.parse(host).isEmpty()) {
                throw bad("not an IPv6 address (zone ids are refused): " + shorten(uri.getHost()));
            }
        } else if (IpLiterals.endsInNumber(host) && IpLiterals.parse(host).isEmpty()) {
            // 127.1, 2130706433, 0x7f.0.0.1, 0177.0.0.1: read as 127.0.0.1 by some, as names by others
            throw bad("host " + shorten(host) + " is an IPv4 address in an unusual notation; only a.b.c.d is accepted");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw bad("port out of range in " + shorten(uri.toString()));
        }
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }

    /**
     * The next URL of a redirect, checked like the first.
     *
     * @param from     the URL that answered with the redirect
     * @param location its {@code Location} header, absolute or relative
     * @return the URL to request next
     * @throws OutboundException {@link Reason#BAD_URL} when the location is not a URL we accept
     */
    static URI redirect(URI from, String location) {
        URI target;
        try {
            target = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw bad(shorten(from.toString()) + " redirects to something that is not a URL: " + shorten(location));
        }
        try {
            return check(target);
        } catch (OutboundException e) {
            throw new OutboundException(Reason.BAD_URL, shorten(from.toString()) + " redirects to a refused URL: " + e.getMessage());
        }
    }

    /**
     * The host of a checked URL as looked up and matched: lower case, IPv6 without brackets,
     * without a trailing dot.
     *
     * @param uri a URL with a host
     * @return the host
     */
    static String host(URI uri) {
        return bareHost(Objects.requireNonNull(uri.getHost(), "host"));
    }

    /**
     * A host as written in a URL, made comparable.
     *
     * @param host {@code Example.org.}, {@code [::1]}
     * @return {@code example.org}, {@code ::1}
     */
    static String bareHost(String host) {
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }

    /** @return the two URLs' scheme, host and port are the same */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && host(a).equals(host(b)) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * Text for a message: hostile URLs can be megabytes long, so messages quote their start.
     *
     * @param text a URL or part of one
     * @return the text, cut after 200 characters
     */
    static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static OutboundException bad(String message) {
        return new OutboundException(Reason.BAD_URL, message);
    }
}
