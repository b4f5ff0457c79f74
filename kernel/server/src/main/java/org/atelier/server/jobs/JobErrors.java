package org.atelier.server.jobs;

/** Error text as {@code jobs.last_error} keeps it: short enough for the column, long enough to triage. */
final class JobErrors {
    /** {@code jobs.last_error} is VARCHAR(2000); MariaDB in strict mode refuses anything longer. */
    static final int MAX_CHARS = 2000;

    private JobErrors() {
    }

    /**
     * The exception chain, one entry per cause, each with the frame that threw it. The length check
     * also ends cyclic cause chains.
     */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_CHARS; t = t.getCause()) {
            if (t != error) {
                text.append("\ncaused by: ");
            }
            text.append(t);
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0) {
                text.append("\n  at ").append(frames[0]);
            }
        }
        return truncate(text.toString());
    }

    /** Cuts text to the column, never between the two halves of a surrogate pair. */
    static String truncate(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
