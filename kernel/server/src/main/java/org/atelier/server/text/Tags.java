package org.atelier.server.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hashtags in plain text: where they are, which distinct tags a text has, and whether a string
 * typed into a tag field is a tag. The syntax is described on {@link TextEntities}.
 */
public final class Tags {
    /** Longest tag name, in characters (code points), without the {@code #}. */
    public static final int MAX_LENGTH = 100;
    /**
     * Most distinct tags a text contributes: more is spam, and a post with 200 tags would land
     * on 200 tag pages. Further tags stay plain text.
     */
    public static final int MAX_PER_TEXT = 30;

    private Tags() {
    }

    /**
     * Every hashtag in the text, in order, with positions; not inside URLs.
     *
     * @param text plain text
     * @return the occurrences, possibly empty
     */
    public static List<Occurrence<Hashtag>> find(CharSequence text) {
        List<Occurrence<Hashtag>> tags = new ArrayList<>();
        for (Occurrence<TextEntity> o : TextEntities.find(text)) {
            if (o.entity() instanceof Hashtag tag) {
                tags.add(new Occurrence<>(tag, o.start(), o.end()));
            }
        }
        return tags;
    }

    /**
     * The distinct tags of a text, in order of first appearance, each spelled as it first
     * appeared, at most {@link #MAX_PER_TEXT}.
     *
     * @param text plain text
     * @return the tags, possibly empty
     */
    public static List<Hashtag> distinct(CharSequence text) {
        Map<String, Hashtag> byKey = new LinkedHashMap<>();
        for (Occurrence<Hashtag> o : find(text)) {
            if (byKey.size() == MAX_PER_TEXT) {
                break;
            }
            byKey.putIfAbsent(o.entity().key(), o.entity());
        }
        return List.copyOf(byKey.values());
    }

    /**
     * Reads a tag typed on its own (a post's tag field, a {@code /tags/…} path, a remote
     * {@code Hashtag} object's name): surrounding spaces and one leading {@code #} are ignored.
     *
     * @param input what was typed
     * @return the tag, or empty when it is not a valid tag name
     */
    public static Optional<Hashtag> parse(String input) {
        String name = input.strip();
        if (name.startsWith("#") || name.startsWith("\uFF03")) {
            name = name.substring(1);
        }
        return isValidName(name) ? Optional.of(new Hashtag(name)) : Optional.empty();
    }

    /**
     * Whether a string is a whole valid tag name (without {@code #}): word characters of any
     * script with inner separators, at least one letter, at most {@link #MAX_LENGTH} characters.
     *
     * @param name the candidate
     * @return true when valid
     */
    public static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH * 2
                || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return false;
        }
        boolean letter = false;
        int last = -1;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Characters.isWordChar(cp)) {
                letter |= Character.isLetter(cp);
            } else if (!(i > 0 && TextEntities.isTagSeparator(cp))) {
                return false;
            }
            last = cp;
            i += Character.charCount(cp);
        }
        return letter && Characters.isWordChar(last);
    }
}
