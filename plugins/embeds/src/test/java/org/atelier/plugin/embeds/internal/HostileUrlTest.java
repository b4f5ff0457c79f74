package org.atelier.plugin.embeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** URLs that every provider must decline, and the guarantees that hold for any input. */
class HostileUrlTest {

    private static final List<EmbedProvider> PROVIDERS = List.of(new YouTubeEmbedProvider(),
            new VimeoEmbedProvider(), new PeerTubeEmbedProvider(), new SketchfabEmbedProvider());

    private static final String YT = YouTubeEmbedProviderTest.ID;
    private static final String VIMEO = VimeoEmbedProviderTest.ID;
    private static final String SHORT = PeerTubeEmbedProviderTest.SHORT;
    private static final String UUID = PeerTubeEmbedProviderTest.UUID;
    private static final String MODEL = SketchfabEmbedProviderTest.ID;

    static Stream<String> hostile() {
        return Stream.of(
                // not http(s), or not absolute
                "javascript:alert(1)",
                "JAVASCRIPT:alert(document.cookie)",
                "javascript://www.youtube.com/watch?v=" + YT + "%0Aalert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
                "ftp://www.youtube.com/watch?v=" + YT,
                "ws://tube.example.org/w/" + SHORT,
                "//www.youtube.com/watch?v=" + YT,
                "/watch?v=" + YT,
                "https:///watch?v=" + YT,
                // look-alike hosts
                "https://youtube.com.evil.test/watch?v=" + YT,
                "https://www.youtube.com.evil.test/embed/" + YT,
                "https://evilyoutube.com/watch?v=" + YT,
                "https://youtube.co/watch?v=" + YT,
                "https://youtu.be.evil.test/" + YT,
                "https://notyoutu.be/" + YT,
                "https://www.youtube.com./watch?v=" + YT,
                "https://www.yout\u0443be.com/watch?v=" + YT,
                "https://vimeo.com.evil.test/" + VIMEO,
                "https://evilvimeo.com/" + VIMEO,
                "https://player.vimeo.com.evil.test/video/" + VIMEO,
                "https://sketchfab.com.evil.test/models/" + MODEL,
                "https://evilsketchfab.com/models/" + MODEL,
                "https://s\u212Aetchfab.com/models/" + MODEL,
                // user-info and ports
                "https://youtube.com@evil.test/watch?v=" + YT,
                "https://evil.test@www.youtube.com/watch?v=" + YT,
                "https://user:pass@vimeo.com/" + VIMEO,
                "https://@sketchfab.com/models/" + MODEL,
                "https://user@tube.example.org/w/" + SHORT,
                "https://www.youtube.com:8443/watch?v=" + YT,
                "http://www.youtube.com:443/watch?v=" + YT,
                "https://vimeo.com:80/" + VIMEO,
                "https://sketchfab.com:8080/models/" + MODEL,
                "https://tube.example.org:8443/w/" + SHORT,
                // YouTube ids: injection, encoding, wrong length, wrong shape
                "https://www.youtube.com/watch?v=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
                "https://www.youtube.com/embed/%22%3E%3Cscript%3E",
                "https://www.youtube.com/watch?v=" + YT + "%22",
                "https://www.youtube.com/watch?v=dQw4w9WgXc%22",
                "https://www.youtube.com/watch?v=dQw4w9WgXc%51",
                "https://www.youtube.com/embed/dQw4w9WgXc%51",
                "https://www.youtube.com/embed/abc/../x",
                "https://www.youtube.com/embed/" + YT + "/../../evil",
                "https://www.youtube.com/embed/..%2F..%2Fevil",
                "https://www.youtube.com/embed/" + YT + "%2F..",
                "https://www.youtube.com/watch?v=" + YT + "?autoplay=1&x=",
                "https://www.youtube.com/watch?v=" + YT + "&v=AAAAAAAAAAA",
                "https://www.youtube.com/watch?v=" + YT + "%26autoplay%3D1",
                "https://www.youtube.com/watch?v=" + YT + "%23x",
                "https://www.youtube.com/watch?v=%20" + YT,
                "https://www.youtube.com/watch?v=%09" + YT,
                "https://www.youtube.com/watch?v=" + YT + "%0A",
                "https://youtu.be/" + YT + "'onload='alert(1)",
                "https://youtu.be/" + YT + ";x=1",
                "https://youtu.be/" + YT + "/extra",
                "https://www.youtube.com/embed/videoseries?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI",
                "https://www.youtube.com/watch?v=" + YT + "x",
                "https://www.youtube.com/watch?v=dQw4w9WgXc",
                "https://www.youtube.com/watch",
                "https://www.youtube.com/watch?v=",
                "https://www.youtube.com/watch?V=" + YT,
                "https://www.youtube.com//watch?v=" + YT,
                "https://www.youtube.com/watch/extra?v=" + YT,
                "https://youtu.be/watch?v=" + YT,
                "https://youtu.be/embed/" + YT,
                "https://www.youtube-nocookie.com/watch?v=" + YT,
                "https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI",
                // Vimeo
                "https://vimeo.com/" + VIMEO + "%22",
                "https://vimeo.com/0",
                "https://vimeo.com/007",
                "https://vimeo.com/-1",
                "https://vimeo.com/1e9",
                "https://vimeo.com/1234567890123",
                "https://vimeo.com/" + VIMEO + "/%22onload",
                "https://vimeo.com/" + VIMEO + "/xyz123",
                "https://vimeo.com/" + VIMEO + "/abc",
                "https://vimeo.com/" + VIMEO + "/8272103F6E",
                "https://vimeo.com/channels/%22/" + VIMEO,
                "https://vimeo.com/channels/staff.picks/" + VIMEO,
                "https://vimeo.com/channels/staffpicks/" + VIMEO + "/extra",
                "https://vimeo.com/groups/animation/videos/" + VIMEO,
                "https://player.vimeo.com/video/" + VIMEO + "?h=%22%3E",
                "https://player.vimeo.com/video/" + VIMEO + "?h=abc",
                "https://player.vimeo.com/video/" + VIMEO + "?h=",
                "https://player.vimeo.com/video/" + VIMEO + "?h=8272103f6e&h=1234567890",
                "https://player.vimeo.com/video/" + VIMEO + "/../../../evil",
                "https://player.vimeo.com/" + VIMEO,
                // PeerTube hosts: IP literals, private names, malformed names
                "https://127.0.0.1/w/" + SHORT,
                "https://10.0.0.1/videos/watch/" + UUID,
                "https://[::1]/w/" + SHORT,
                "https://[fe80::1]/videos/embed/" + UUID,
                "https://localhost/w/" + SHORT,
                "https://LOCALHOST/videos/watch/" + UUID,
                "https://tube.localhost/w/" + SHORT,
                "https://tube.local/w/" + SHORT,
                "https://tube.internal/w/" + SHORT,
                "https://2130706433/w/" + SHORT,
                "https://0x7f.1/w/" + SHORT,
                "https://127.1/w/" + SHORT,
                "https://-tube.example.org/w/" + SHORT,
                "https://tube-.example.org/w/" + SHORT,
                "https://tube..example.org/w/" + SHORT,
                "https://tube.example.org./w/" + SHORT,
                "https://tube_1.example.org/w/" + SHORT,
                "https://" + "a".repeat(64) + ".org/w/" + SHORT,
                // PeerTube ids
                "https://tube.example.org/w/0kGMgK9ZtnKfYAgnEtQxbv",
                "https://tube.example.org/w/OkGMgK9ZtnKfYAgnEtQxbv",
                "https://tube.example.org/w/lkGMgK9ZtnKfYAgnEtQxbv",
                "https://tube.example.org/w/" + SHORT.substring(1),
                "https://tube.example.org/w/" + SHORT + "x",
                "https://tube.example.org/w/" + SHORT + "%22",
                "https://tube.example.org/w/" + SHORT + "%2F..%2F",
                "https://tube.example.org/w/" + SHORT + "/../../evil",
                "https://tube.example.org/videos/watch/" + UUID.toUpperCase(),
                "https://tube.example.org/videos/watch/" + UUID + "%22%3E",
                "https://tube.example.org/videos/watch/" + UUID.replace("-", ""),
                "https://tube.example.org/w/p/" + SHORT,
                "https://tube.example.org/videos/watch/playlist/" + UUID,
                "https://tube.example.org/videos/" + UUID,
                // Sketchfab ids
                "https://sketchfab.com/models/" + MODEL.substring(1),
                "https://sketchfab.com/models/" + MODEL + "0",
                "https://sketchfab.com/models/" + MODEL.toUpperCase(),
                "https://sketchfab.com/models/" + MODEL + "/embed/extra",
                "https://sketchfab.com/models/" + MODEL + "/../../evil",
                "https://sketchfab.com/models/" + MODEL + "%22",
                "https://sketchfab.com/3d-models/fox-" + MODEL + "%22",
                "https://sketchfab.com/3d-models/%22%3E%3Cscript%3E-" + MODEL,
                "https://sketchfab.com/3d-models/fox-" + MODEL + "x",
                "https://sketchfab.com/3d-models/fox" + MODEL,
                "https://sketchfab.com/3d-models/fox-" + MODEL + "/embed",
                "https://sketchfab.com/" + MODEL,
                // over-long
                "https://www.youtube.com/watch?v=" + YT + "&pad=" + "a".repeat(2100),
                "https://vimeo.com/" + VIMEO + "?pad=" + "b".repeat(2040),
                "https://sketchfab.com/3d-models/" + "a-".repeat(1100) + MODEL,
                "https://tube.example.org/w/" + SHORT + "?x=" + "c".repeat(2048));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void everyProviderDeclines(String url) {
        URI uri = URI.create(url);
        for (EmbedProvider provider : PROVIDERS) {
            assertEquals(Optional.empty(), provider.embed(uri), provider.id() + " accepted " + url);
        }
    }

    @Test
    void rawQuotesQuotedByTheUriConstructorAreStillDeclined() throws URISyntaxException {
        List<URI> urls = List.of(
                new URI("https", "www.youtube.com", "/embed/\"><script>alert(1)</script>", null),
                new URI("https", null, "www.youtube.com", -1, "/watch", "v=" + YT + "\"&autoplay=1", null),
                new URI("https", "youtu.be", "/" + YT + " onload=alert(1)", null),
                new URI("https", "vimeo.com", "/" + VIMEO + "/\"", null),
                new URI("https", "tube.example.org", "/w/" + SHORT + "<", null),
                new URI("https", "sketchfab.com", "/models/" + MODEL + "\"/embed", null));
        for (URI url : urls) {
            for (EmbedProvider provider : PROVIDERS) {
                assertEquals(Optional.empty(), provider.embed(url), provider.id() + " accepted " + url);
            }
        }
    }

    @Test
    void nullIsDeclined() {
        for (EmbedProvider provider : PROVIDERS) {
            assertEquals(Optional.empty(), provider.embed(null), provider.id());
        }
    }

    @Test
    void eachGoodUrlIsClaimedByOneProviderOnly() {
        List<Stream<Expected>> tables = List.of(YouTubeEmbedProviderTest.good(),
                VimeoEmbedProviderTest.good(), PeerTubeEmbedProviderTest.good(),
                SketchfabEmbedProviderTest.good());
        for (int owner = 0; owner < tables.size(); owner++) {
            for (Expected expected : tables.get(owner).toList()) {
                for (int other = 0; other < PROVIDERS.size(); other++) {
                    if (other != owner) {
                        EmbedProvider provider = PROVIDERS.get(other);
                        assertEquals(Optional.empty(), provider.embed(URI.create(expected.url())),
                                provider.id() + " also claimed " + expected.url());
                    }
                }
            }
        }
    }

    private static final Pattern SAFE_ADDRESS = Pattern.compile("https://[a-z0-9.-]+/[A-Za-z0-9/?=&_-]+");
    private static final List<String> FIXED_FRAME_HOSTS =
            List.of("www.youtube-nocookie.com", "player.vimeo.com", "sketchfab.com");

    /** Good and hostile URLs, randomly mutated: no throwing, and anything embedded is clean. */
    @Test
    void mutatedUrlsNeverThrowAndOnlyEverYieldCleanAddresses() {
        List<String> seeds = Stream.of(YouTubeEmbedProviderTest.good(), VimeoEmbedProviderTest.good(),
                        PeerTubeEmbedProviderTest.good(), SketchfabEmbedProviderTest.good())
                .flatMap(table -> table.map(Expected::url))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        seeds.addAll(hostile().toList());
        String[] tokens = {"%22", "\"", "'", "<", "/", "..", "?", "&", "#", "@", ":8443", ":443", "%2F",
            "a", "0", "-", "=", ".", "%", "javascript:", " ", "evil.test", "&t=1h", "?h=", "v=", "@evil."};
        Random random = new Random(20240601L);
        int embedded = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int n = random.nextInt(4); n > 0; n--) {
                int at = random.nextInt(url.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> url.insert(at, pick(random, tokens));
                    case 1 -> url.delete(at, Math.min(url.length(), at + 1 + random.nextInt(3)));
                    default -> url.replace(at, Math.min(url.length(), at + 1), pick(random, tokens));
                }
            }
            URI uri;
            try {
                uri = URI.create(url.toString());
            } catch (IllegalArgumentException unparseable) {
                continue;
            }
            for (EmbedProvider provider : PROVIDERS) {
                Optional<Embed> embed = provider.embed(uri);
                if (embed.isPresent()) {
                    embedded++;
                    assertClean(provider, uri, embed.get());
                }
            }
        }
        assertTrue(embedded > 2_000, "too few embeds to prove anything: " + embedded);
    }

    private static void assertClean(EmbedProvider provider, URI from, Embed embed) {
        String frame = embed.iframeSrc().toString();
        String what = provider.id() + " from " + from + " built " + frame;
        assertTrue(SAFE_ADDRESS.matcher(frame).matches(), what);
        assertTrue(SAFE_ADDRESS.matcher(embed.canonical().toString()).matches(), what);
        assertTrue(!frame.contains(".."), what);
        String frameHost = embed.iframeSrc().getHost();
        boolean fromInstance = provider instanceof PeerTubeEmbedProvider
                && frameHost.equals(from.getHost().toLowerCase(java.util.Locale.ROOT));
        assertTrue(fromInstance || FIXED_FRAME_HOSTS.contains(frameHost), what);
        embed.title().ifPresent(title -> assertTrue(title.matches("[A-Za-z0-9 ]{1,80}"), what));
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
