package org.atelier.server.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds hashtags, mentions and bare web links in plain text, in one left-to-right pass, so that
 * they never overlap: a {@code #fragment} or {@code @user} inside a URL is part of the URL.
 *
 * <p>The rules follow Mastodon's, so that what a peer links and what Atelier links agree:
 * <ul>
 * <li>{@code #tag}: {@code #} (or the full-width {@code ＃} of Japanese keyboards) not preceded
 * by a word character or {@code / = ) &}; then letters, marks, digits and {@code _} of any
 * script, with {@code ·}, {@code ・} and zero-width (non-)joiners allowed inside; at least one
 * letter ({@code #1} is "number one", not a tag); at most {@link Tags#MAX_LENGTH} characters,
 * longer runs are not tags at all (rather than a different, truncated tag).
 * <li>{@code @user} and {@code @user@host}: {@code @} not preceded by a word character or
 * {@code / = . + - @} (so {@code a@b.com} is an e-mail address, not a mention); a username of
 * ASCII letters, digits and {@code _}, with {@code .} and {@code -} allowed inside (remote
 * servers allow them); a host of at least two dot-separated labels, or one label with a port
 * ({@code localhost:8080}, for test instances). {@code @user@} followed by no valid host is not
 * a mention at all, rather than a local mention of {@code user}.
 * <li>bare {@code http://} and {@code https://} URLs, see {@link WebLink}; {@code www.} links
 * without a scheme are not recognised.
 * </ul>
 * Each candidate is scanned once and the scan moves past what it found, so the time is linear
 * in the length of the text.
 */
public final class TextEntities {
    private TextEntities() {
    }

    /**
     * Every entity in the text, in order, each with its position.
     *
     * @param text plain text (not HTML: entities are not decoded here)
     * @return the occurrences, possibly empty
     */
    public static List<Occurrence<TextEntity>> find(CharSequence text) {
        String s = text.toString();
        List<Occurrence<TextEntity>> found = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = -1;
            TextEntity entity = null;
            if (c == 'h' || c == 'H') {
                end = Urls.bareUrlEnd(s, i);
                if (end > 0) {
                    if (end - i <= Urls.MAX_LENGTH && Urls.safeHref(s.substring(i, end), false).isPresent()) {
                        entity = new WebLink(s.substring(i, end));
                    } else {
                        // a URL that cannot be linked (too long, control characters) is still a
                        // URL: skip it whole, so nothing inside becomes a tag, and so that the
                        // "http://" runs inside it are not each scanned again to the end
                        i = end;
                        continue;
                    }
                }
            } else if (c == '#' || c == '\uFF03') {
                end = hashtagEnd(s, i);
                if (end > 0) {
                    entity = new Hashtag(s.substring(i + 1, end));
                }
            } else if (c == '@') {
                FoundMention at = mentionAt(s, i);
                if (at != null) {
                    entity = at.mention();
                    end = at.end();
                }
            }
            if (entity != null) {
                found.add(new Occurrence<>(entity, i, end));
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Hashtag separators: allowed inside a tag, never first or last. */
    static boolean isTagSeparator(int cp) {
        return cp == '\u00B7' || cp == '\u30FB' || cp == '\u200C' || cp == '\u200D';
    }

    /** Where the hashtag whose {@code #} is at {@code hash} ends, or -1 when there is none. */
    private static int hashtagEnd(String s, int hash) {
        if (hash > 0) {
            int before = s.codePointBefore(hash);
            if (Characters.isWordChar(before) || before == '/' || before == '=' || before == ')'
                    || before == '&') {
                return -1;
            }
        }
        int j = hash + 1;
        int lastWordEnd = -1;
        while (j < s.length()) {
            int cp = s.codePointAt(j);
            if (Characters.isWordChar(cp)) {
                j += Character.charCount(cp);
                lastWordEnd = j;
            } else if (lastWordEnd > 0 && isTagSeparator(cp)) {
                j += Character.charCount(cp);
            } else {
                break;
            }
        }
        if (lastWordEnd < 0 || !Tags.isValidName(s.substring(hash + 1, lastWordEnd))) {
            return -1;
        }
        return lastWordEnd;
    }

    /** A mention and the index just after it. */
    private record FoundMention(Mention mention, int end) {
    }

    /** The mention whose {@code @} is at {@code at}, or null when there is none. */
    private static FoundMention mentionAt(String s, int at) {
        if (at > 0) {
            int before = s.codePointBefore(at);
            if (Characters.isWordChar(before) || "/=.+-@".indexOf(before) >= 0) {
                return null;
            }
        }
        int start = at + 1;
        int j = start;
        int userEnd = -1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Characters.isUsernameChar(c)) {
                j++;
                userEnd = j;
            } else if (userEnd > 0 && (c == '.' || c == '-')) {
                j++;
            } else {
                break;
            }
        }
        if (userEnd < 0 || userEnd - start > Mentions.MAX_USERNAME_LENGTH) {
            return null;
        }
        String username = s.substring(start, userEnd);
        if (userEnd == s.length()) {
            return new FoundMention(Mention.local(username), userEnd);
        }
        int next = s.codePointAt(userEnd);
        if (Characters.isWordChar(next)) {
            // "@alicé": a name in letters usernames cannot have; linking "@alic" would be wrong
            return null;
        }
        if (next != '@') {
            return new FoundMention(Mention.local(username), userEnd);
        }
        int hostEnd = hostEnd(s, userEnd + 1);
        if (hostEnd < 0) {
            return null;
        }
        return new FoundMention(Mention.remote(username, s.substring(userEnd + 1, hostEnd)), hostEnd);
    }

    /**
     * Where a host name starting at {@code from} ends: dot-separated labels of letters, digits
     * and inner hyphens (any script, for internationalised names), then an optional port. At
     * least two labels, or one and a port. Returns -1 when there is no such host, or when what
     * follows would make it part of something longer.
     */
    private static int hostEnd(String s, int from) {
        int j = from;
        int labels = 0;
        int end = -1;
        while (true) {
            int labelStart = j;
            int lastAlnumEnd = -1;
            while (j < s.length()) {
                int cp = s.codePointAt(j);
                if (isHostLetterOrDigit(cp)) {
                    j += Character.charCount(cp);
                    lastAlnumEnd = j;
                } else if (cp == '-' && j > labelStart) {
                    j++;
                } else {
                    break;
                }
            }
            if (lastAlnumEnd != j) {
                return -1; // empty label, or one ending in '-'
            }
            labels++;
            end = j;
            if (j + 1 < s.length() && s.charAt(j) == '.' && isHostLetterOrDigit(s.codePointAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        boolean port = false;
        if (end < s.length() && s.charAt(end) == ':') {
            int k = end + 1;
            while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                k++;
            }
            int digits = k - end - 1;
            if (digits >= 1 && digits <= 5 && (k == s.length() || !Characters.isWordChar(s.codePointAt(k)))) {
                end = k;
                port = true;
            }
        }
        if ((labels < 2 && !port) || end - from > 253) {
            return -1;
        }
        if (end < s.length()) {
            int next = s.codePointAt(end);
            if (Characters.isWordChar(next) || next == '@') {
                return -1;
            }
        }
        return end;
    }

    private static boolean isHostLetterOrDigit(int cp) {
        return Characters.isWordChar(cp) && Character.getType(cp) != Character.CONNECTOR_PUNCTUATION;
    }
}
