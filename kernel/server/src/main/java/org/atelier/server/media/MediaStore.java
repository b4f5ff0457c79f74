package org.atelier.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.atelier.server.store.Hashes;

/**
 * Where media bytes live on the local disk, named by their SHA-256: {@code <root>/ab/cd/<hash>}.
 * Content addressing makes writes idempotent (the same rendition stored twice is one file),
 * lets several kernel nodes share a volume without coordination, and keeps user-chosen names
 * out of paths. Writes go to a temporary file first and are moved into place atomically, so a
 * reader never sees half a file. An object-store implementation can replace this later behind
 * the same three operations. Thread-safe.
 */
public final class MediaStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    /**
     * A store under a directory, created if missing.
     *
     * @param root the directory, for example {@code <data>/media}
     */
    public MediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media directory " + this.root, e);
        }
    }

    /**
     * Stores bytes.
     *
     * @param bytes the content
     * @return its key (hex SHA-256)
     */
    public String put(byte[] bytes) {
        String key = Hashes.sha256(bytes);
        Path target = path(key);
        if (Files.isRegularFile(target)) {
            return key;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                } catch (FileAlreadyExistsException e) {
                    // another writer stored the same content first: identical bytes, nothing to do
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media in " + root, e);
        }
    }

    /**
     * Opens stored bytes.
     *
     * @param key a key returned by {@link #put}
     * @return the content, if stored; empty for unknown or malformed keys
     */
    public Optional<InputStream> open(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether content is stored.
     *
     * @param key a key
     * @return true when stored
     */
    public boolean contains(String key) {
        return key != null && KEY.matcher(key).matches() && Files.isRegularFile(path(key));
    }

    /**
     * Removes content (when no media record refers to it any more).
     *
     * @param key a key
     * @return true when something was removed
     */
    public boolean delete(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
