package org.atelier.server.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides whether a link target may appear in an {@code href}, used both by
 * the Markdown renderer and (after jsoup's own protocol check) by the sanitiser.
 */
final class Urls {
    /** Longer link targets are refused: nobody types them, and they bloat every page. */
    static final int MAX_LENGTH = 4096;

    private Urls() {
    }

    /**
     * Checks a link target the way a browser would read it and returns the form to emit.
     *
     * <p>Browsers drop leading and trailing C0 controls and spaces and remove tabs and newlines
     * anywhere in a URL before looking at its scheme, which is how {@code jav&#x09;ascript:}
     * and {@code " javascript:"} run script. So the same is done here first, and then the scheme
     * must be exactly {@code http}, {@code https} or {@code mailto} (any case), or the target a
     * site-relative path when those are allowed. Anything with another scheme, with control
     * characters, protocol-relative ({@code //host}, which browsers also spell {@code /\host}),
     * or merely relative is refused: refusing a strange but harmless URL costs a link, accepting
     * a harmful one costs an account. Spaces, quotes, angle brackets and backticks left inside an
     * accepted target are percent-encoded (as a browser would), so the emitted attribute holds
     * nothing that looks like markup.
     *
     * @param raw              the target as decoded from HTML or Markdown
     * @param allowSiteRelative whether {@code /path} targets (this instance's own pages) pass
     * @return the cleaned target, or empty when it must not be linked
     */
    static Optional<String> safeHref(String raw, boolean allowSiteRelative) {
        int from = 0;
        int to = raw.length();
        while (from < to && raw.charAt(from) <= 0x20) {
            from++;
        }
        while (to > from && raw.charAt(to - 1) <= 0x20) {
            to--;
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return Optional.empty();
            }
            b.append(c);
        }
        String s = b.toString();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int colon = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                break;
            }
        }
        if (colon >= 0) {
            String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "http", "https" -> hasAuthority(s, colon) ? Optional.of(encodeUnsafe(s)) : Optional.empty();
                case "mailto" -> s.length() > colon + 1 ? Optional.of(encodeUnsafe(s)) : Optional.empty();
                default -> Optional.empty();
            };
        }
        if (allowSiteRelative && s.charAt(0) == '/'
                && !(s.length() > 1 && (s.charAt(1) == '/' || s.charAt(1) == '\\'))) {
            return Optional.of(encodeUnsafe(s));
        }
        return Optional.empty();
    }

    private static String encodeUnsafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case ' ' -> "%20";
                case '"' -> "%22";
                case '<' -> "%3C";
                case '>' -> "%3E";
                case '`' -> "%60";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** {@code scheme://} followed by at least one character of a host. */
    private static boolean hasAuthority(String s, int colon) {
        int host = colon + 3;
        return s.length() > host && s.startsWith("//", colon + 1)
                && s.charAt(host) != '/' && s.charAt(host) != '\\' && s.charAt(host) != '?'
                && s.charAt(host) != '#';
    }

    /**
     * Finds a bare {@code http://} or {@code https://} URL starting at {@code start}.
     *
     * <p>It runs to the next whitespace or {@code < > " `}; then trailing punctuation that
     * usually ends a sentence ({@code . , : ; ! ? * _ ~ ' "}) is dropped, and so is a trailing
     * {@code )} or {@code ]} that has no partner inside the URL, so that
     * {@code (see https://example.org/a_(b))} links {@code https://example.org/a_(b)}. The same
     * rules as GitHub's extended autolinks, minus {@code www.} links.
     *
     * @return the index just after the URL (which may be longer than {@link #MAX_LENGTH}), or -1
     *         when there is none here
     */
    static int bareUrlEnd(String s, int start) {
        int schemeEnd;
        if (s.regionMatches(true, start, "https://", 0, 8)) {
            schemeEnd = start + 8;
        } else if (s.regionMatches(true, start, "http://", 0, 7)) {
            schemeEnd = start + 7;
        } else {
            return -1;
        }
        if (start > 0) {
            int before = s.codePointBefore(start);
            if (Characters.isWordChar(before)) {
                return -1;
            }
        }
        if (schemeEnd >= s.length() || !Character.isLetterOrDigit(s.codePointAt(schemeEnd))) {
            return -1;
        }
        int end = schemeEnd;
        int open = 0;
        int close = 0;
        int openSquare = 0;
        int closeSquare = 0;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (Characters.isSpace(c) || c < 0x20 || c == '<' || c == '>' || c == '"' || c == '`') {
                break;
            }
            switch (c) {
                case '(' -> open++;
                case ')' -> close++;
                case '[' -> openSquare++;
                case ']' -> closeSquare++;
                default -> {
                }
            }
            end++;
        }
        while (end > schemeEnd) {
            char last = s.charAt(end - 1);
            if (".,:;!?*_~'\"".indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && close > open) {
                close--;
                end--;
            } else if (last == ']' && closeSquare > openSquare) {
                closeSquare--;
                end--;
            } else {
                break;
            }
        }
        return end == schemeEnd ? -1 : end;
    }
}
