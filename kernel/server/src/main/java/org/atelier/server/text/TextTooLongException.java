package org.atelier.server.text;

/**
 * Text was refused because it is longer than allowed. The message is fit to show to the person
 * who wrote it; {@link #limit()} and {@link #length()} let an API answer say the same in fields.
 */
public final class TextTooLongException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final int length;

    /**
     * Creates the exception.
     *
     * @param limit  the most characters allowed
     * @param length how many there were (a lower bound when counting stopped early)
     */
    public TextTooLongException(int limit, int length) {
        super(String.format(java.util.Locale.ROOT,
                "The text is %,d characters long; at most %,d are allowed.", length, limit));
        this.limit = limit;
        this.length = length;
    }

    /**
     * The most characters allowed.
     *
     * @return the limit
     */
    public int limit() {
        return limit;
    }

    /**
     * How many characters the text had.
     *
     * @return the length
     */
    public int length() {
        return length;
    }
}
