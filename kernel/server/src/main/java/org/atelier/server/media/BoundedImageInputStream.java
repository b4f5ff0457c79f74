package org.atelier.server.media;

import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input over an in-memory file that gives up once a deadline has passed.
 *
 * <p>Why: ImageIO readers pull their input through this stream, so checking the clock on every
 * read bounds the time any reader spends on a hostile file (one that makes it seek back and
 * forth, or walk millions of tiny blocks) without a watchdog thread. Reading from memory also
 * keeps ImageIO's disk cache out of the picture. Not thread-safe, like every ImageIO stream: one
 * per read.
 */
final class BoundedImageInputStream extends ImageInputStreamImpl {

    /** Thrown (through the reader) when the deadline has passed. */
    static final class DeadlineExceeded extends IIOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded() {
            super("image decoding took too long");
        }
    }

    private final byte[] data;
    private final long deadlineNanos;

    /**
     * Creates the stream.
     *
     * @param data          the file
     * @param deadlineNanos the {@link System#nanoTime()} after which reads fail
     */
    BoundedImageInputStream(byte[] data, long deadlineNanos) {
        this.data = data;
        this.deadlineNanos = deadlineNanos;
    }

    private void checkDeadline() throws IIOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new DeadlineExceeded();
        }
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        checkDeadline();
        bitOffset = 0;
        if (streamPos >= data.length) {
            return -1;
        }
        return data[(int) streamPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        checkDeadline();
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException();
        }
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }
}
