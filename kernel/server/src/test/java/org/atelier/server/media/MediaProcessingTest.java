package org.atelier.server.media;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.jobs.ClaimedJob;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.jobs.LeaseLostException;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads rendered on the kernel's job queue, on both databases: progress is visible while the job
 * runs, the job waits in the database across a restart, a run repeated or overtaken changes
 * nothing, damage found only by decoding ends {@code failed} with nothing stored, and the artist
 * re-crops later with {@code PATCH}.
 */
class MediaProcessingTest {
    /** Red, green, blue and white quarters: crops are told apart by colour. */
    private static final byte[] PHOTO = TestImages.jpeg(TestImages.quadrants(1600, 1200, 0xff0000, 0x00ff00,
            0x0000ff, 0xffffff));
    private static final Duration WAIT = Duration.ofSeconds(90);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void progressIsVisibleWhileTheJobRuns(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient artist = artists(instance, "painter").get(0);
            List<Integer> history = new CopyOnWriteArrayList<>();
            AtomicInteger held = new AtomicInteger(-1);
            CountDownLatch midway = new CountDownLatch(1);
            CountDownLatch looked = new CountDownLatch(1);
            // the job stops at its first recorded step until the artist's browser has looked
            instance.atelier().mediaRenderer().addProgressListener((publicId, percent) -> {
                history.add(percent);
                if (percent < 100 && held.compareAndSet(-1, percent)) {
                    midway.countDown();
                    awaitQuietly(looked);
                }
            });
            try {
                Map<String, Object> accepted = MediaRequests.upload(artist, "", PHOTO);
                assertEquals(0, accepted.get("progress"));
                assertTrue(midway.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the job records progress");
                Map<String, Object> during = MediaRequests.get(artist, accepted.get("id"));
                assertEquals("processing", during.get("state"), during.toString());
                assertEquals(held.get(), during.get("progress"));
                assertTrue(held.get() > 0 && held.get() < 100, "an intermediate value: " + held.get());
                assertFalse(during.containsKey("renditions"), during.toString());
                assertEquals(404, artist.get("/media/" + accepted.get("id") + "/thumbnail").statusCode());
                looked.countDown();

                Map<String, Object> ready = MediaRequests.await(artist, accepted.get("id"), "ready");
                assertEquals(100, ready.get("progress"));
                assertEquals(1200, ready.get("height"));
                assertTrue(ready.get("blurhash") instanceof String, ready.toString());
                MediaRequests.rendition(artist, accepted.get("id"), "display-1280");
                // a few writes per image, growing to 100
                assertTrue(history.size() >= 2 && history.size() <= 5, history.toString());
                assertEquals(100, history.get(history.size() - 1));
                for (int i = 1; i < history.size(); i++) {
                    assertTrue(history.get(i) > history.get(i - 1), history.toString());
                }
            } finally {
                looked.countDown();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theJobWaitsInTheDatabaseAcrossARestart(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.startWithoutJobs(kind)) {
            BrowserClient artist = artists(instance, "painter").get(0);
            Map<String, Object> accepted = MediaRequests.upload(artist, "?alt=Quarters", PHOTO);
            Map<String, Object> waiting = MediaRequests.get(artist, accepted.get("id"));
            assertEquals("processing", waiting.get("state"));
            assertEquals(0, waiting.get("progress"));
            assertEquals(1600, waiting.get("width"), "known from the headers at once");
            assertEquals(1L, instance.atelier().jobs().counts(MediaRenderer.QUEUE).get("READY"));

            instance.restart();
            BrowserClient again = instance.client();
            TestInstance.signIn(again, "painter");
            Map<String, Object> ready = MediaRequests.await(again, accepted.get("id"), "ready");
            assertEquals("Quarters", ready.get("alt"));
            MediaRequests.rendition(again, accepted.get("id"), "thumbnail");
            awaitJobs(instance.atelier().jobs(), "DONE", 1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aJobThatRunsTwiceChangesNothing(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.startWithoutJobs(kind)) {
            BrowserClient artist = artists(instance, "painter").get(0);
            Object id = MediaRequests.upload(artist, "", PHOTO).get("id");
            JobQueue jobs = instance.atelier().jobs();
            MediaRenderer renderer = instance.atelier().mediaRenderer();

            // the first run's lease expires while it works, so the job is claimed a second time
            ClaimedJob first = single(jobs.claim(MediaRenderer.QUEUE, "worker-1", 10, Duration.ofMillis(1)));
            renderer.handle(first);
            Map<String, Object> ready = MediaRequests.get(artist, id);
            assertEquals("ready", ready.get("state"));
            byte[] thumbnail = MediaRequests.rendition(artist, id, "thumbnail");
            long files = MediaRequests.files(instance.dataDir().resolve("media"));

            ClaimedJob second = single(jobs.claim(MediaRenderer.QUEUE, "worker-2", 10, Duration.ofMinutes(5)));
            assertEquals(first.id(), second.id());
            assertEquals(2, second.attempt());
            renderer.handle(second);
            jobs.complete(second);
            assertThrows(LeaseLostException.class, () -> jobs.complete(first));

            assertEquals(ready, MediaRequests.get(artist, id));
            assertTrue(Arrays.equals(thumbnail, MediaRequests.rendition(artist, id, "thumbnail")));
            assertEquals(files, MediaRequests.files(instance.dataDir().resolve("media")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anOlderRenderFinishingLateDoesNotUndoANewerCrop(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.startWithoutJobs(kind)) {
            BrowserClient artist = artists(instance, "painter").get(0);
            Object id = MediaRequests.upload(artist, "", PHOTO).get("id");
            JobQueue jobs = instance.atelier().jobs();
            MediaRenderer renderer = instance.atelier().mediaRenderer();
            CountDownLatch midway = new CountDownLatch(1);
            CountDownLatch cropped = new CountDownLatch(1);
            renderer.addProgressListener((publicId, percent) -> {
                if (midway.getCount() > 0) {
                    midway.countDown();
                    awaitQuietly(cropped);
                }
            });

            // the upload's render starts with the default crop, and is held halfway
            ClaimedJob upload = single(jobs.claim(MediaRenderer.QUEUE, "worker-1", 10, Duration.ofMinutes(5)));
            Thread late = Thread.ofVirtual().start(() -> renderer.handle(upload));
            try {
                assertTrue(midway.await(WAIT.toSeconds(), TimeUnit.SECONDS));
                HttpResponse<String> patched = artist.json("PATCH", "/api/v1/media/" + id,
                        "{\"thumbnailCrop\":\"0,0,0.375,0.5\"}");
                assertEquals(202, patched.statusCode(), patched.body());
            } finally {
                cropped.countDown();
            }
            late.join(WAIT);
            assertFalse(late.isAlive());
            Map<String, Object> overtaken = MediaRequests.get(artist, id);
            assertEquals("processing", overtaken.get("state"), "the overtaken result is dropped: " + overtaken);
            assertEquals(0, overtaken.get("progress"), "and so is its progress");

            ClaimedJob crop = single(jobs.claim(MediaRenderer.QUEUE, "worker-1", 10, Duration.ofMinutes(5)));
            assertNotEquals(upload.id(), crop.id());
            renderer.handle(crop);
            assertEquals("ready", MediaRequests.get(artist, id).get("state"));
            assertMostly(TestImages.read(MediaRequests.rendition(artist, id, "thumbnail")), 0xff0000);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void damageFoundOnlyByDecodingEndsFailedWithNothingStored(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient artist = artists(instance, "painter").get(0);
            byte[] damaged = TestImages.pngWithDamagedPixels(HostileImagesTest.noise(300, 200));
            Map<String, Object> accepted = MediaRequests.upload(artist, "", damaged);
            assertEquals(300, accepted.get("width"));

            Map<String, Object> failed = MediaRequests.await(artist, accepted.get("id"), "failed");
            assertTrue(String.valueOf(failed.get("error")).contains("damaged"), failed.toString());
            assertEquals(100, failed.get("progress"));
            assertFalse(failed.containsKey("renditions"), failed.toString());
            assertEquals(404, artist.get("/media/" + accepted.get("id") + "/display-320").statusCode());
            assertEquals(0, MediaRequests.files(instance.dataDir().resolve("media")), "the original is deleted");
            // refused for good: the job completes, it is not retried
            awaitJobs(instance.atelier().jobs(), "DONE", 1);
            assertEquals(0L, instance.atelier().jobs().counts(MediaRenderer.QUEUE).get("READY"));

            // there is nothing left to crop; the artist can still fix the alt text, or delete it
            HttpResponse<String> crop = artist.json("PATCH", "/api/v1/media/" + accepted.get("id"),
                    "{\"thumbnailCrop\":\"0,0,0.5,0.5\"}");
            assertEquals(409, crop.statusCode(), crop.body());
            assertEquals(200, artist.json("PATCH", "/api/v1/media/" + accepted.get("id"), "{\"alt\":\"Noise\"}")
                    .statusCode());
            assertEquals(204, artist.raw("DELETE", "/api/v1/media/" + accepted.get("id"), "text/plain", new byte[0])
                    .statusCode());
            assertEquals(0, instance.atelier().media().count());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theArtistChangesAltTextAndCropsLater(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            List<BrowserClient> clients = artists(instance, "painter", "sculptor");
            BrowserClient artist = clients.get(0);
            BrowserClient other = clients.get(1);
            Object id = MediaRequests.upload(artist, "?alt=Quarters", PHOTO).get("id");
            Map<String, Object> ready = MediaRequests.await(artist, id, "ready");
            byte[] centred = MediaRequests.rendition(artist, id, "thumbnail");
            byte[] display = MediaRequests.rendition(artist, id, "display-640");
            long files = MediaRequests.files(instance.dataDir().resolve("media"));
            assertEquals(((Map<?, ?>) ready.get("renditions")).size() + 1, files, "renditions and the original");

            // bad input: a clear 400, and nothing changes (not even the valid fields beside the bad one)
            String longAlt = "\"" + "a".repeat(MediaLibrary.MAX_ALT + 1) + "\"";
            for (String body : List.of("[]", "not json", "{\"alt\":5}", "{\"alt\":" + longAlt + "}",
                    "{\"focalPoint\":[2,0]}", "{\"focalPoint\":[0.5]}", "{\"focalPoint\":\"0.5,0.5\"}",
                    "{\"thumbnailCrop\":\"0,0,2,2\"}", "{\"coverCrop\":[0,0,1,1]}", "{\"coverCrop\":\"a,b,c,d\"}",
                    "{\"alt\":\"Changed\",\"thumbnailCrop\":\"0.6,0,0.5,0.5\"}",
                    "{\"alt\":\"Changed\",\"colour\":\"red\"}")) {
                HttpResponse<String> bad = artist.json("PATCH", "/api/v1/media/" + id, body);
                assertEquals(400, bad.statusCode(), body + ": " + bad.body());
                assertTrue(json(bad).get("error") instanceof String, bad.body());
                assertEquals(ready, MediaRequests.get(artist, id), body);
            }
            // only the owner may: others do not even learn that it exists
            HttpResponse<String> foreign = other.json("PATCH", "/api/v1/media/" + id, "{\"alt\":\"Mine\"}");
            assertEquals(404, foreign.statusCode(), foreign.body());
            assertEquals(401, instance.client().json("PATCH", "/api/v1/media/" + id, "{\"alt\":\"Mine\"}").statusCode());
            assertEquals(ready, MediaRequests.get(artist, id));

            // alt text alone: immediate, nothing re-rendered
            HttpResponse<String> alt = artist.json("PATCH", "/api/v1/media/" + id, "{\"alt\":\"  Four quarters \"}");
            assertEquals(200, alt.statusCode(), alt.body());
            assertEquals("Four quarters", json(alt).get("alt"));
            assertEquals("ready", json(alt).get("state"));

            // a new thumbnail crop: back to processing, then a red thumbnail; the display sizes are kept
            HttpResponse<String> crop = artist.json("PATCH", "/api/v1/media/" + id,
                    "{\"thumbnailCrop\":\"0,0,0.375,0.5\"}");
            assertEquals(202, crop.statusCode(), crop.body());
            assertEquals("processing", json(crop).get("state"));
            assertEquals("0.0,0.0,0.375,0.5", json(crop).get("thumbnailCrop"));
            MediaRequests.await(artist, id, "ready");
            byte[] red = MediaRequests.rendition(artist, id, "thumbnail");
            assertFalse(Arrays.equals(centred, red), "a different thumbnail");
            assertMostly(TestImages.read(red), 0xff0000);
            assertTrue(Arrays.equals(display, MediaRequests.rendition(artist, id, "display-640")));
            assertEquals(files, MediaRequests.files(instance.dataDir().resolve("media")), "the old thumbnail is gone");

            // back to a default crop, now around a focal point at the top-left: the left 1200 px square
            HttpResponse<String> focal = artist.json("PATCH", "/api/v1/media/" + id,
                    "{\"thumbnailCrop\":null,\"focalPoint\":[0,0]}");
            assertEquals(202, focal.statusCode(), focal.body());
            Map<String, Object> refocused = MediaRequests.await(artist, id, "ready");
            assertNull(refocused.get("thumbnailCrop"));
            assertEquals(List.of(0.0, 0.0), refocused.get("focalPoint"));
            assertEquals("Four quarters", refocused.get("alt"));
            BufferedImage square = TestImages.read(MediaRequests.rendition(artist, id, "thumbnail"));
            assertTrue(TestImages.near(square.getRGB(square.getWidth() - 3, 2), 0x00ff00, 40), "green top-right");
            assertTrue(TestImages.near(square.getRGB(2, square.getHeight() - 3), 0x0000ff, 40), "blue bottom-left");
            assertEquals(files, MediaRequests.files(instance.dataDir().resolve("media")));
        }
    }

    /** Signs in artists on an instance whose registration is opened by its admin. */
    private static List<BrowserClient> artists(TestInstance instance, String... usernames) {
        instance.createAdmin("owner");
        BrowserClient admin = instance.client();
        TestInstance.signIn(admin, "owner");
        admin.json("PUT", "/api/v1/admin/settings/registration", "{\"mode\":\"" + RegistrationMode.OPEN.key() + "\"}");
        List<BrowserClient> clients = new java.util.ArrayList<>();
        for (String username : usernames) {
            BrowserClient client = instance.client();
            assertEquals(201, TestInstance.register(client, username).statusCode());
            TestInstance.signIn(client, username);
            clients.add(client);
        }
        return clients;
    }

    private static ClaimedJob single(List<ClaimedJob> claimed) {
        assertEquals(1, claimed.size(), claimed.toString());
        return claimed.get(0);
    }

    /** Polls until the render queue has {@code count} jobs in {@code state} (outcomes are recorded just after the work). */
    private static void awaitJobs(JobQueue jobs, String state, long count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jobs.counts(MediaRenderer.QUEUE).get(state) != count) {
            assertTrue(System.nanoTime() < deadline, jobs.counts(MediaRenderer.QUEUE).toString());
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The corners and centre of an image are all near one colour. */
    private static void assertMostly(BufferedImage image, int rgb) {
        for (int[] p : new int[][] {{2, 2}, {image.getWidth() - 3, image.getHeight() - 3},
                {image.getWidth() / 2, image.getHeight() / 2}}) {
            assertTrue(TestImages.near(image.getRGB(p[0], p[1]), rgb, 40),
                    "expected " + Integer.toHexString(rgb) + ", got " + Integer.toHexString(image.getRGB(p[0], p[1])));
        }
    }
}
