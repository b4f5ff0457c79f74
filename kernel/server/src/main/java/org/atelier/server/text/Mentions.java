package org.atelier.server.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mentions in plain text: {@code @alice} and {@code @bob@example.org}, never e-mail addresses.
 * The syntax is described on {@link TextEntities}.
 */
public final class Mentions {
    /** Longest username accepted, for remote accounts too (local ones are shorter). */
    public static final int MAX_USERNAME_LENGTH = 64;
    /**
     * Most distinct accounts a text mentions; further mentions stay plain text and notify no one,
     * which blunts mention spam.
     */
    public static final int MAX_PER_TEXT = 50;

    private Mentions() {
    }

    /**
     * Every mention in the text, in order, with positions; not inside URLs or e-mail addresses.
     *
     * @param text plain text
     * @return the occurrences, possibly empty
     */
    public static List<Occurrence<Mention>> find(CharSequence text) {
        List<Occurrence<Mention>> mentions = new ArrayList<>();
        for (Occurrence<TextEntity> o : TextEntities.find(text)) {
            if (o.entity() instanceof Mention mention) {
                mentions.add(new Occurrence<>(mention, o.start(), o.end()));
            }
        }
        return mentions;
    }

    /**
     * The distinct accounts a text mentions (by {@link Mention#key()}), in order of first
     * appearance, at most {@link #MAX_PER_TEXT}.
     *
     * @param text plain text
     * @return the mentions, possibly empty
     */
    public static List<Mention> distinct(CharSequence text) {
        Map<String, Mention> byKey = new LinkedHashMap<>();
        for (Occurrence<Mention> o : find(text)) {
            if (byKey.size() == MAX_PER_TEXT) {
                break;
            }
            byKey.putIfAbsent(o.entity().key(), o.entity());
        }
        return List.copyOf(byKey.values());
    }

    /**
     * Reads a handle typed on its own, such as into a remote-follow box: {@code @alice},
     * {@code alice}, {@code @bob@example.org} or {@code bob@example.org}; surrounding spaces are
     * ignored.
     *
     * @param input what was typed
     * @return the mention, or empty when the whole input is not one handle
     */
    public static Optional<Mention> parse(String input) {
        String handle = input.strip();
        if (!handle.startsWith("@")) {
            handle = "@" + handle;
        }
        List<Occurrence<TextEntity>> found = TextEntities.find(handle);
        if (found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == handle.length()
                && found.get(0).entity() instanceof Mention mention) {
            return Optional.of(mention);
        }
        return Optional.empty();
    }
}
