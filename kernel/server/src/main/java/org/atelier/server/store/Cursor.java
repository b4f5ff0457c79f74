package org.atelier.server.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.atelier.server.http.HttpError;

/**
 * A keyset-pagination position: the (time, id) of the last row a page showed. The next page is
 * "rows strictly before this one" in (time DESC, id DESC) order, an index range on every list
 * table — never OFFSET, which gets slower with every page and skips or repeats rows when new
 * ones arrive. Travels as an opaque URL-safe token.
 *
 * @param at the row's time
 * @param id the row's id, the tie-breaker
 */
public record Cursor(Instant at, long id) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The position before every row: the first page. */
    public static final Cursor START = new Cursor(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE);

    /** @return the token to put in a {@code before=} parameter */
    public String token() {
        return ENCODER.encodeToString((at.toEpochMilli() + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a {@code before=} parameter.
     *
     * @param token the token, or empty for the first page
     * @return the position
     * @throws HttpError 400 when the token was not made by {@link #token()}
     */
    public static Cursor parse(Optional<String> token) {
        if (token.isEmpty() || token.get().isEmpty()) {
            return START;
        }
        try {
            String text = new String(DECODER.decode(token.get()), StandardCharsets.US_ASCII);
            int dot = text.indexOf('.');
            if (dot > 0 && text.length() < 60) {
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot))),
                        Long.parseLong(text.substring(dot + 1)));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // refused below
        }
        throw new HttpError(400, "That page position is not valid; start again from the first page.");
    }

    /**
     * A list request's {@code before=} parameter, the one way every list page reads its position.
     *
     * @param x the exchange
     * @return the position
     * @throws HttpError 400 when the token was not made by {@link #token()}
     */
    public static Cursor before(org.atelier.server.http.Exchange x) {
        return parse(x.request().query().first("before").asOptional());
    }
}
