package org.atelier.server.feeds;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a title, as search stores and matches them: runs of letters and digits, NFKC
 * normalised and case-folded the way tags are ({@code Ｈarbour}, {@code HARBOUR} and
 * {@code harbour} are one word), each once, in order of first appearance.
 */
public final class TitleWords {
    /** Longest word kept (its column); longer runs are cut. */
    public static final int MAX_WORD = 50;
    /** Most words kept from one title. */
    public static final int MAX_WORDS = 60;

    private TitleWords() {
    }

    /**
     * Splits and normalises.
     *
     * @param text a title or a search query
     * @return the distinct words, possibly none
     */
    public static List<String> of(String text) {
        String folded = fold(text);
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= folded.length(); ) {
            int cp = i < folded.length() ? folded.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(cp)) {
                if (word.codePointCount(0, word.length()) < MAX_WORD) {
                    word.appendCodePoint(cp);
                }
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
                if (words.size() == MAX_WORDS) {
                    break;
                }
            }
            i += Character.charCount(cp);
        }
        return new ArrayList<>(words);
    }

    /**
     * Normalises text the way tags and title words are stored: NFKC, then case-folded (see
     * {@link org.atelier.server.text.Hashtag#key()} for why upper then lower case).
     *
     * @param text any text
     * @return the folded text
     */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
