package org.atelier.server.text;

/** Character classes shared by the scanners, on code points so that any script works. */
final class Characters {
    private Characters() {
    }

    /**
     * A "word" character as Mastodon's tag and mention rules use it (Ruby's {@code [[:word:]]}):
     * letters, combining marks, decimal digits and connector punctuation such as {@code _}.
     * Marks matter for scripts like Devanagari and for text typed in decomposed form.
     */
    static boolean isWordChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Any kind of space, including no-break and ideographic spaces, which end URLs too. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** ASCII letters, digits and underscore: the characters a username starts and ends with. */
    static boolean isUsernameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
