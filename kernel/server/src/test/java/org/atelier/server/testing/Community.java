package org.atelier.server.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.http.Json;
import org.atelier.testrig.BrowserClient;

/**
 * A small community on a test instance: an admin, open registration, and signed-in artists,
 * all made through the real API; plus images uploaded as an artist would.
 */
public final class Community {
    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");

    private final TestInstance instance;
    private final BrowserClient admin;

    private final java.util.Map<String, BrowserClient> artists = new java.util.concurrent.ConcurrentHashMap<>();

    private Community(TestInstance instance, BrowserClient admin) {
        this.instance = instance;
        this.admin = admin;
    }

    /**
     * Sets up the admin {@code curator} and opens registration.
     *
     * @param instance the instance
     * @return the community
     */
    public static Community on(TestInstance instance) {
        instance.createAdmin("curator");
        BrowserClient admin = instance.client();
        TestInstance.signIn(admin, "curator");
        HttpResponse<String> open = admin.json("PUT", "/api/v1/admin/settings/registration",
                "{\"mode\":\"" + RegistrationMode.OPEN.key() + "\"}");
        if (open.statusCode() != 200) {
            throw new IllegalStateException("cannot open registration: " + open.body());
        }
        return new Community(instance, admin);
    }

    /** @return the admin's signed-in client */
    public BrowserClient admin() {
        return admin;
    }

    /**
     * Registers and signs in an artist.
     *
     * @param username the username
     * @return the artist's client
     */
    public BrowserClient artist(String username) {
        BrowserClient client = instance.client();
        HttpResponse<String> registered = TestInstance.register(client, username);
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("cannot register " + username + ": " + registered.body());
        }
        TestInstance.signIn(client, username);
        artists.put(username, client);
        return client;
    }

    /**
     * The signed-in client of an artist registered with {@link #artist}.
     *
     * @param username the username
     * @return the client
     */
    public BrowserClient signedIn(String username) {
        BrowserClient client = artists.get(username);
        if (client == null) {
            throw new IllegalArgumentException(username + " was not registered through this community");
        }
        return client;
    }

    /** @return a signed-out client */
    public BrowserClient visitor() {
        return instance.client();
    }

    /**
     * Uploads an image and waits until it is ready to attach.
     *
     * @param client the artist
     * @param bytes  the file
     * @param query  extra query, e.g. {@code alt=...}, or empty
     * @return the image's public id
     */
    public static String upload(BrowserClient client, byte[] bytes, String query) {
        HttpResponse<String> response = client.raw("POST", "/api/v1/media" + (query.isEmpty() ? "" : "?" + query),
                "application/octet-stream", bytes);
        if (response.statusCode() != 201 && response.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + response.statusCode() + " " + response.body());
        }
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        String id = m.group(1);
        awaitReady(client, id);
        return id;
    }

    /**
     * Waits until an uploaded image is processed (uploads may be processed on the job queue).
     *
     * @param client the owner
     * @param id     the image
     */
    public static void awaitReady(BrowserClient client, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            HttpResponse<String> got = client.get("/api/v1/media/" + id);
            Map<String, Object> view = Json.readObject(got.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .orElseThrow(() -> new IllegalStateException(got.body()));
            Object state = view.getOrDefault("state", "ready");
            if ("ready".equals(state)) {
                return;
            }
            if ("failed".equals(state) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("image " + id + " did not become ready: " + got.body());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A PNG of a colour with a label, distinct per seed, the size of a small artwork.
     *
     * @param seed   makes the image distinct
     * @param width  width
     * @param height height
     * @return PNG bytes
     */
    public static byte[] artwork(int seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.getHSBColor((seed * 0.137f) % 1f, 0.6f, 0.9f));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setColor(Color.WHITE);
        g.drawString("work " + seed, 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
