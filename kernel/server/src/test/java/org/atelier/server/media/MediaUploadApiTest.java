package org.atelier.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploading images over the API on both databases: a good upload is accepted, rendered on the job
 * queue and its renditions served without metadata; hostile uploads are refused at once with a
 * clear error and store nothing; images are private to their owner; the original is never served.
 */
class MediaUploadApiTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void uploadStoreServeAndRefuse(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            instance.createAdmin("owner");
            BrowserClient admin = instance.client();
            TestInstance.signIn(admin, "owner");
            admin.json("PUT", "/api/v1/admin/settings/registration", "{\"mode\":\"" + RegistrationMode.OPEN.key() + "\"}");
            BrowserClient artist = instance.client();
            assertEquals(201, TestInstance.register(artist, "painter").statusCode());
            TestInstance.signIn(artist, "painter");
            BrowserClient other = instance.client();
            assertEquals(201, TestInstance.register(other, "sculptor").statusCode());
            TestInstance.signIn(other, "sculptor");

            // a 1600×1200 photo with GPS in its EXIF: accepted at once, rendered on the job queue
            byte[] photo = TestImages.jpegWithExif(TestImages.quadrants(1600, 1200, 0xff0000, 0x00ff00, 0x0000ff, 0xffffff), 1, true);
            Map<String, Object> accepted = MediaRequests.upload(artist, "?focalX=0.25&focalY=0.5&alt=Four%20squares", photo);
            String id = (String) accepted.get("id");
            assertEquals(1600, accepted.get("width"));
            assertEquals("Four squares", accepted.get("alt"));
            assertFalse(accepted.containsKey("renditions"), "no renditions before the job ran: " + accepted);
            Map<String, Object> ready = MediaRequests.await(artist, id, "ready");
            assertEquals(100, ready.get("progress"));
            assertEquals(null, ready.get("error"));
            String body = ready.toString();
            assertTrue(body.contains("gps=true"), "provenance is recorded before stripping: " + body);
            assertFalse(body.contains("GPS Latitude"), "coordinates are never kept: " + body);
            @SuppressWarnings("unchecked")
            Map<String, Object> renditions = (Map<String, Object>) ready.get("renditions");
            assertTrue(renditions.containsKey("thumbnail") && renditions.containsKey("display-640"), body);
            assertEquals(List.of(0.25, 0.5), ready.get("focalPoint"));

            // renditions are served to the owner, without metadata
            HttpResponse<byte[]> thumbnail = artist.send(HttpRequest.newBuilder(artist.base().resolve("/media/" + id + "/thumbnail")),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, thumbnail.statusCode());
            assertEquals("image/jpeg", thumbnail.headers().firstValue("Content-Type").orElse(""));
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(thumbnail.body()));
            assertTrue(metadata.getDirectoriesOfType(GpsDirectory.class).isEmpty(), "GPS is stripped");

            // the artist's own thumbnail crop: a 600 px square inside the top-left (red) quarter
            Map<String, Object> cropped = MediaRequests.upload(artist, "?thumbnailCrop=0,0,0.375,0.5", photo);
            assertEquals("0.0,0.0,0.375,0.5", cropped.get("thumbnailCrop"));
            MediaRequests.await(artist, cropped.get("id"), "ready");
            byte[] redThumb = MediaRequests.rendition(artist, cropped.get("id"), "thumbnail");
            java.awt.image.BufferedImage red = TestImages.read(redThumb);
            assertEquals(red.getWidth(), red.getHeight());
            for (int[] p : new int[][] {{2, 2}, {red.getWidth() - 3, red.getHeight() - 3}, {red.getWidth() / 2, red.getHeight() / 2}}) {
                assertTrue(TestImages.near(red.getRGB(p[0], p[1]), 0xff0000, 40),
                        "the thumbnail comes from the requested rectangle: " + Integer.toHexString(red.getRGB(p[0], p[1])));
            }
            assertEquals(204, artist.raw("DELETE", "/api/v1/media/" + cropped.get("id"), "text/plain", new byte[0]).statusCode());

            // private to the owner until a post shows it; the original has no URL
            assertEquals(404, other.get("/media/" + id + "/thumbnail").statusCode());
            assertEquals(404, other.get("/api/v1/media/" + id).statusCode());
            assertEquals(404, instance.client().get("/media/" + id + "/thumbnail").statusCode(), "in no post: the owner's alone");
            assertEquals(404, artist.get("/media/" + id + "/original").statusCode());
            assertEquals(404, other.raw("DELETE", "/api/v1/media/" + id, "text/plain", new byte[0]).statusCode());

            // hostile uploads: refused at once by the cheap checks, with clear errors, nothing stored
            long before = instance.atelier().media().count();
            long files = MediaRequests.files(instance.dataDir().resolve("media"));
            List<byte[]> hostile = List.of(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(),
                    "<html><body>hi</body></html>".getBytes(),
                    TestImages.pngHeaderClaiming(50_000, 50_000),
                    java.util.Arrays.copyOf(photo, photo.length / 3),
                    new byte[0]);
            for (byte[] bytes : hostile) {
                HttpResponse<String> refused = artist.raw("POST", "/api/v1/media", "image/png", bytes);
                assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.statusCode() + " " + refused.body());
                assertTrue(refused.body().contains("\"error\":"), refused.body());
                assertFalse(refused.body().contains("Exception"), refused.body());
            }
            assertEquals(400, artist.raw("POST", "/api/v1/media?focalX=2", "image/jpeg", photo).statusCode());
            for (String crop : new String[] {"0,0,1", "0,0,1.5,1", "a,b,c,d", "-0.1,0,0.5,0.5", "0.6,0,0.5,0.5", "0,0,0,0"}) {
                HttpResponse<String> bad = artist.raw("POST", "/api/v1/media?coverCrop=" + crop, "image/jpeg", photo);
                assertEquals(400, bad.statusCode(), crop + ": " + bad.body());
                assertTrue(bad.body().contains("coverCrop must be x,y,w,h"), bad.body());
            }
            assertEquals(401, instance.client().raw("POST", "/api/v1/media", "image/jpeg", photo).statusCode());
            HttpResponse<String> noToken = artist.send(HttpRequest.newBuilder(artist.base().resolve("/api/v1/media"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(photo)));
            assertEquals(403, noToken.statusCode());
            assertEquals(before, instance.atelier().media().count());
            assertEquals(files, MediaRequests.files(instance.dataDir().resolve("media")));

            // the owner deletes it: rows and unshared files go
            assertEquals(204, artist.raw("DELETE", "/api/v1/media/" + id, "text/plain", new byte[0]).statusCode());
            assertEquals(404, artist.get("/api/v1/media/" + id).statusCode());
            assertEquals(0, MediaRequests.files(instance.dataDir().resolve("media")));
        }
    }
}
