package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.atelier.server.store.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesByContentHashAndReadsBack() throws IOException {
        MediaStore store = new MediaStore(dir.resolve("media"));
        byte[] bytes = "pixels".getBytes(StandardCharsets.UTF_8);
        String key = store.put(bytes);
        assertEquals(Hashes.sha256(bytes), key);
        assertTrue(Files.isRegularFile(dir.resolve("media").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key)));
        try (InputStream in = store.open(key).orElseThrow()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertEquals(key, store.put(bytes), "storing the same content again is the same key");
        assertTrue(store.delete(key));
        assertFalse(store.contains(key));
        assertTrue(store.open(key).isEmpty());
    }

    @Test
    void hostileKeysNeverReachTheFileSystem() throws IOException {
        MediaStore store = new MediaStore(dir.resolve("media"));
        Files.writeString(dir.resolve("secret"), "not media");
        for (String key : new String[] {null, "", "../secret", "../../secret", "/etc/passwd",
                "AB".repeat(32), "a".repeat(63), "a".repeat(65), "g".repeat(64)}) {
            assertTrue(store.open(key).isEmpty(), String.valueOf(key));
            assertFalse(store.contains(key), String.valueOf(key));
            assertFalse(store.delete(key), String.valueOf(key));
        }
        assertTrue(Files.exists(dir.resolve("secret")));
    }

    @Test
    void concurrentWritersOfTheSameContentLeaveOneWholeFile() throws Exception {
        MediaStore store = new MediaStore(dir.resolve("media"));
        byte[] bytes = new byte[256 * 1024];
        new java.util.Random(7).nextBytes(bytes);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                keys.add(pool.submit(() -> store.put(bytes)));
            }
            for (Future<String> key : keys) {
                assertEquals(Hashes.sha256(bytes), key.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("media"))) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertEquals(1, regular.size(), "no temporary files left behind: " + regular);
            assertArrayEquals(bytes, Files.readAllBytes(regular.get(0)));
        }
    }
}
