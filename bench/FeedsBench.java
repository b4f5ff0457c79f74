import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.atelier.server.accounts.PasswordHasher;
import org.atelier.server.feeds.Popularity;
import org.atelier.server.feeds.TitleWords;
import org.atelier.server.store.Hashes;

/**
 * Fills a freshly migrated Atelier database with a generated instance for bench/feeds.sh, by bulk
 * SQL (multi-row INSERTs), in a minute or two rather than hours of API calls:
 * accounts (one shared password hash), posts over the last year with one image each (media rows
 * and their six renditions point at one shared content key, so the pipeline is not run 200,000
 * times), tags, title words, ~100 follows per account, followed tags, likes, reposts, a few mutes
 * and blocks, counts and popularity computed as the services compute them, and ready sessions for
 * the benchmark's viewers (their cookie values are written to a file, one per line).
 *
 * <p>Usage: {@code java -cp <server classes and libs> bench/FeedsBench.java generate|sessions
 * <jdbc-url> <user> <password> <cookie-file> <viewers> [accounts] [posts]}; {@code sessions} only
 * makes new sessions on an instance generated before. The random seed is fixed so that runs are
 * comparable. The generated password of every account is {@value #PASSWORD}.
 */
public final class FeedsBench {
    static final String PASSWORD = "bench password 1234";
    static final int TAGS = 500;
    static final int WORDS = 1500;
    static final Instant NOW = Instant.now();
    static final Random RANDOM = new Random(20261125);
    static final String CONTENT_KEY = "0".repeat(64);

    public static void main(String[] args) throws Exception {
        boolean generate = args[0].equals("generate");
        String url = args[1];
        int viewers = Integer.parseInt(args[5]);
        int accounts = args.length > 6 ? Integer.parseInt(args[6]) : 10_000;
        int posts = args.length > 7 ? Integer.parseInt(args[7]) : 200_000;
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, args[2], args[3])) {
            db.setAutoCommit(false);
            if (!generate) {
                new FeedsBench(db, accounts, posts).sessions(Path.of(args[4]), viewers);
                return;
            }
            try (Statement s = db.createStatement()) {
                s.execute("SET foreign_key_checks = 0");
                s.execute("SET unique_checks = 0");
            }
            new FeedsBench(db, accounts, posts).generate(Path.of(args[4]), viewers);
            try (Statement s = db.createStatement()) {
                s.execute("SET foreign_key_checks = 1");
                for (String table : List.of("accounts", "posts", "media", "media_renditions", "post_media", "post_tags",
                        "post_title_words", "follows", "tag_follows", "likes", "reposts", "mutes", "blocks", "sessions")) {
                    s.execute("ANALYZE TABLE " + table);
                }
            }
        }
        System.err.printf("generated %,d accounts and %,d posts in %.0f s%n", accounts, posts,
                (System.nanoTime() - started) / 1e9);
    }

    private final Connection db;
    private final int accounts;
    private final int posts;
    private final String[] tags = new String[TAGS];
    private final String[] words = new String[WORDS];
    private final long[] author;
    private final Instant[] published;
    private final String[] visibility;
    private final int[] likes;
    private final int[] reposts;

    FeedsBench(Connection db, int accounts, int posts) {
        this.db = db;
        this.accounts = accounts;
        this.posts = posts;
        this.author = new long[posts + 1];
        this.published = new Instant[posts + 1];
        this.visibility = new String[posts + 1];
        this.likes = new int[posts + 1];
        this.reposts = new int[posts + 1];
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "bra", "cor", "del", "fen", "gal",
                "har", "ink", "jor", "lum", "mar", "nor", "ost", "pel", "qui", "ros", "sil", "tor", "umb", "ver"};
        for (int i = 0; i < WORDS; i++) {
            words[i] = syllables[i % syllables.length] + syllables[(i / syllables.length) % syllables.length]
                    + (i >= syllables.length * syllables.length ? syllables[i % 7] : "");
        }
        for (int i = 0; i < TAGS; i++) {
            tags[i] = "tag" + words[(i * 7) % WORDS];
        }
    }

    void generate(Path cookieFile, int viewers) throws SQLException, java.io.IOException {
        accounts();
        posts();
        follows();
        tagFollows();
        engagement();
        counts();
        silences();
        sessions(cookieFile, viewers);
    }

    /** A skewed pick in [0, n): low values far more often (roughly Zipf-like). */
    static int skewed(int n, double power) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(RANDOM.nextDouble(), power)));
    }

    static Timestamp time(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static String publicId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void accounts() throws SQLException {
        String hash = PasswordHasher.standard().hash(PASSWORD);
        try (Bulk insert = new Bulk(db, "accounts", "id, username, email, display_name, bio, password_hash, role, status,"
                + " created_at")) {
            for (int id = 1; id <= accounts; id++) {
                String username = String.format("artist%05d", id);
                insert.row(id, username, username + "@bench.invalid", "Artist " + words[id % WORDS] + " " + id, "",
                        hash, id == 1 ? "ADMIN" : "ARTIST", "ACTIVE", time(NOW.minus(Duration.ofDays(400))));
            }
        }
        System.err.printf("accounts: %,d%n", accounts);
    }

    private void posts() throws SQLException {
        long span = Duration.ofDays(365).toMillis();
        long[] times = new long[posts];
        for (int i = 0; i < posts; i++) {
            times[i] = NOW.toEpochMilli() - (long) (RANDOM.nextDouble() * span);
        }
        Arrays.sort(times);
        try (Bulk post = new Bulk(db, "posts", "id, public_id, author_id, title, description, description_html,"
                + " licence, visibility, state, created_at, updated_at, published_at");
             Bulk media = new Bulk(db, "media", "id, public_id, owner_id, format, width, height, frame_count,"
                     + " original_key, original_bytes, blurhash, alt_text, focal_x, focal_y, provenance, created_at");
             Bulk renditions = new Bulk(db, "media_renditions", "media_id, name, media_type, width, height,"
                     + " frame_count, byte_size, content_key");
             Bulk postMedia = new Bulk(db, "post_media", "post_id, position, media_id");
             Bulk postTags = new Bulk(db, "post_tags", "tag, post_id, published_at");
             Bulk titleWords = new Bulk(db, "post_title_words", "post_id, position, word, published_at")) {
            for (int id = 1; id <= posts; id++) {
                Instant at = Instant.ofEpochMilli(times[id - 1]);
                long owner = 1 + skewed(accounts, 1.6);
                double v = RANDOM.nextDouble();
                String vis = v < 0.85 ? "public" : v < 0.95 ? "followers" : "unlisted";
                author[id] = owner;
                published[id] = at;
                visibility[id] = vis;
                StringBuilder title = new StringBuilder();
                for (int w = 2 + RANDOM.nextInt(4); w > 0; w--) {
                    title.append(title.isEmpty() ? "" : " ").append(words[skewed(WORDS, 1.3)]);
                }
                post.row(id, publicId(), owner, title.toString(), "", "", "all-rights-reserved", vis, "published",
                        time(at), time(at), time(at));
                media.row(id, publicId(), owner, "png", 1600, 1200, 1, CONTENT_KEY, 1_000_000, "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
                        "", 0.5, 0.5, "{}", time(at));
                for (int[] size : new int[][] {{320, 240}, {640, 480}, {1280, 960}, {2048, 1600}}) {
                    renditions.row(id, "display-" + size[0], "image/png", Math.min(size[0], 1600),
                            Math.min(size[0], 1600) * 3 / 4, 1, 50_000, CONTENT_KEY);
                }
                renditions.row(id, "thumbnail", "image/png", 640, 640, 1, 40_000, CONTENT_KEY);
                renditions.row(id, "cover", "image/png", 1280, 720, 1, 60_000, CONTENT_KEY);
                postMedia.row(id, 0, id);
                Set<String> postTagSet = new HashSet<>();
                for (int t = RANDOM.nextInt(4); t > 0; t--) {
                    postTagSet.add(tags[skewed(TAGS, 2.0)]);
                }
                for (String tag : postTagSet) {
                    postTags.row(tag, id, time(at));
                }
                List<String> titled = TitleWords.of(title.toString());
                for (int i = 0; i < titled.size(); i++) {
                    titleWords.row(id, i, titled.get(i), time(at));
                }
            }
        }
        System.err.printf("posts: %,d (with media, renditions, tags, title words)%n", posts);
    }

    private void follows() throws SQLException {
        long rows = 0;
        try (Bulk follow = new Bulk(db, "follows", "follower_id, followee_id, state, created_at")) {
            for (long follower = 1; follower <= accounts; follower++) {
                Set<Long> followees = new HashSet<>();
                int count = 80 + RANDOM.nextInt(41);
                while (followees.size() < count) {
                    long followee = 1 + RANDOM.nextInt(accounts);
                    if (followee != follower) {
                        followees.add(followee);
                    }
                }
                for (long followee : followees) {
                    follow.row(follower, followee, RANDOM.nextInt(50) == 0 ? "pending" : "accepted",
                            time(NOW.minus(Duration.ofDays(30))));
                    rows++;
                }
            }
        }
        System.err.printf("follows: %,d%n", rows);
    }

    private void tagFollows() throws SQLException {
        long rows = 0;
        try (Bulk follow = new Bulk(db, "tag_follows", "account_id, tag, created_at")) {
            for (long account = 1; account <= accounts; account++) {
                Set<String> followed = new HashSet<>();
                for (int i = 2 + RANDOM.nextInt(5); i > 0; i--) {
                    followed.add(tags[skewed(TAGS, 1.5)]);
                }
                for (String tag : followed) {
                    follow.row(account, tag, time(NOW.minus(Duration.ofDays(30))));
                    rows++;
                }
            }
        }
        System.err.printf("tag follows: %,d%n", rows);
    }

    /** A post liked or reposted: recent posts and a few favourites far more often. */
    private int engagedPost() {
        return posts - skewed(posts, 3.0);
    }

    private void engagement() throws SQLException {
        engage("likes", posts * 5, likes);
        engage("reposts", accounts * 10, reposts);
    }

    /** Random accounts like (or repost) public posts, each pair once; counts them per post. */
    private void engage(String table, int attempts, int[] counts) throws SQLException {
        Set<Long> seen = new HashSet<>();
        try (Bulk insert = new Bulk(db, table, "account_id, post_id, created_at")) {
            for (int i = 0; i < attempts; i++) {
                long account = 1 + RANDOM.nextInt(accounts);
                int post = engagedPost();
                if ("public".equals(visibility[post]) && seen.add(account << 20 | post)) {
                    counts[post]++;
                    insert.row(account, post, time(after(published[post])));
                }
            }
        }
        System.err.printf("%s: %,d%n", table, seen.size());
    }

    /** A moment after a post was published: within two days, never in the future. */
    private static Instant after(Instant at) {
        Instant then = at.plusMillis((long) (RANDOM.nextDouble() * Duration.ofDays(2).toMillis()));
        return then.isAfter(NOW) ? NOW : then;
    }

    private void counts() throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE posts SET like_count = ?, repost_count = ?, popularity = ? WHERE id = ?")) {
            for (int id = 1; id <= posts; id++) {
                update.setInt(1, likes[id]);
                update.setInt(2, reposts[id]);
                update.setLong(3, Popularity.score(likes[id], reposts[id], 0, published[id]));
                update.setLong(4, id);
                update.addBatch();
                if (id % 5_000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        db.commit();
        System.err.println("counts and popularity: done");
    }

    private void silences() throws SQLException {
        try (Bulk mute = new Bulk(db, "mutes", "account_id, target_id, created_at");
             Bulk block = new Bulk(db, "blocks", "account_id, target_id, created_at")) {
            for (long account = 1; account <= accounts; account += 10) {
                mute.row(account, 1 + (account * 7919) % accounts, time(NOW));
                if (account % 50 == 1) {
                    block.row(account, 1 + (account * 104729) % accounts, time(NOW));
                }
            }
        }
    }

    /** Live sessions for accounts 2.. (account 1 signs in through the API in the script). */
    private void sessions(Path cookieFile, int viewers) throws SQLException, java.io.IOException {
        SecureRandom secure = new SecureRandom();
        List<String> cookies = new ArrayList<>();
        try (Bulk session = new Bulk(db, "sessions", "id_hash, account_id, csrf_token, created_at, expires_at")) {
            for (int i = 0; i < viewers; i++) {
                byte[] secret = new byte[32];
                secure.nextBytes(secret);
                String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                cookies.add(cookie);
                session.row(Hashes.sha256(cookie), 2 + i * (accounts / Math.max(1, viewers)), publicId(), time(NOW),
                        time(NOW.plus(Duration.ofDays(1))));
            }
        }
        Files.write(cookieFile, cookies, StandardCharsets.US_ASCII);
    }

    /** Multi-row INSERTs of up to 1,000 rows, committed as they go. */
    static final class Bulk implements AutoCloseable {
        private static final int ROWS = 1_000;
        private final Connection db;
        private final String table;
        private final String columns;
        private final int width;
        private final List<Object> values = new ArrayList<>();

        Bulk(Connection db, String table, String columns) {
            this.db = db;
            this.table = table;
            this.columns = columns;
            this.width = columns.split(",").length;
        }

        void row(Object... row) throws SQLException {
            if (row.length != width) {
                throw new IllegalArgumentException(table + ": " + row.length + " values for " + width + " columns");
            }
            values.addAll(Arrays.asList(row));
            if (values.size() == ROWS * width) {
                flush();
            }
        }

        private void flush() throws SQLException {
            int rows = values.size() / width;
            if (rows == 0) {
                return;
            }
            String one = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
            String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(rows, one));
            try (PreparedStatement insert = db.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setObject(i + 1, values.get(i));
                }
                insert.executeUpdate();
            }
            db.commit();
            values.clear();
        }

        @Override
        public void close() throws SQLException {
            flush();
        }
    }
}
