package org.atelier.server.media;

import java.util.Objects;

/**
 * An image was refused by the media pipeline; the message is fit to show to the person who
 * uploaded it (or to an admin looking at a failed federated fetch).
 *
 * <p>Unchecked on purpose: every refusal ends the processing of that one image, and callers
 * handle them all in one place (an upload handler answers with {@link Reason#status()}).
 */
public final class MediaException extends RuntimeException implements org.atelier.server.ClientError {
    private static final long serialVersionUID = 1L;

    /** Why an image was refused, with the HTTP status an upload endpoint should answer. */
    public enum Reason {
        /** Not JPEG, PNG, GIF or WebP (judged from the bytes), or a variant we do not decode. */
        UNSUPPORTED_TYPE(415),
        /** The file is larger than {@link MediaLimits#maxBytes()}. */
        TOO_LARGE_BYTES(413),
        /** Declared width or height is over {@link MediaLimits#maxDimension()}. */
        TOO_LARGE_DIMENSIONS(422),
        /** Declared width × height is over {@link MediaLimits#maxPixels()}. */
        TOO_MANY_PIXELS(422),
        /** An animation with more frames, or more pixels over all frames, than the limits allow. */
        TOO_MANY_FRAMES(422),
        /** Truncated, malformed or undecodable. */
        CORRUPT(422),
        /** Decoding did not finish within {@link MediaLimits#decodeTimeout()}. */
        TIMED_OUT(422),
        /** What came with the image is refused: alt text too long, a crop outside the image. */
        BAD_DETAILS(400);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /**
         * The HTTP status an upload endpoint should answer with.
         *
         * @return the status code
         */
        public int status() {
            return status;
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why the image was refused
     * @param message what to show to the uploader
     */
    public MediaException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates the exception, keeping the low-level cause for the logs.
     *
     * @param reason  why the image was refused
     * @param message what to show to the uploader
     * @param cause   what the decoder threw
     */
    public MediaException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the image was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    @Override
    public int status() {
        return reason.status();
    }
}
