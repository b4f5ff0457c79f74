package org.atelier.plugin.embeds.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.atelier.plugin.api.embed.AspectRatio;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Embeds Vimeo videos, public or unlisted, through {@code player.vimeo.com} with Do Not Track
 * set, so the player does not track the people reading a post.
 */
@Component(service = EmbedProvider.class)
public final class VimeoEmbedProvider implements EmbedProvider {

    private static final Set<String> SITE_HOSTS = Set.of("vimeo.com", "www.vimeo.com");
    private static final String PLAYER_HOST = "player.vimeo.com";
    private static final Pattern VIDEO_ID = Pattern.compile("[1-9][0-9]{0,11}");
    // The share hash of an unlisted video: without it the player refuses to play.
    private static final Pattern UNLISTED_HASH = Pattern.compile("[0-9a-f]{6,20}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private record Video(String id, Optional<String> hash) { }

    /** Creates the provider; it holds no state. */
    public VimeoEmbedProvider() {
    }

    @Override
    public String id() {
        return "vimeo";
    }

    @Override
    public Optional<Embed> embed(URI url) {
        return CheckedUrl.of(url).flatMap(VimeoEmbedProvider::video).map(video -> {
            String hashParam = video.hash().map(h -> "h=" + h + "&").orElse("");
            String hashPath = video.hash().map(h -> "/" + h).orElse("");
            return new Embed("Vimeo",
                    URI.create("https://player.vimeo.com/video/" + video.id() + "?" + hashParam + "dnt=1"),
                    // Unlisted videos answer 404 without their hash, so the fallback link keeps it.
                    URI.create("https://vimeo.com/" + video.id() + hashPath),
                    Optional.empty(),
                    Optional.empty(),
                    AspectRatio.WIDESCREEN);
        });
    }

    private static Optional<Video> video(CheckedUrl url) {
        List<String> path = url.segments();
        if (url.host().equals(PLAYER_HOST)) {
            if (path.size() != 2 || !path.get(0).equals("video")) {
                return Optional.empty();
            }
            if (!url.hasParam("h")) {
                return video(path.get(1), Optional.empty());
            }
            // A hash that is present but unusable is declined rather than silently dropped.
            return url.param("h").flatMap(hash -> video(path.get(1), Optional.of(hash)));
        }
        if (!SITE_HOSTS.contains(url.host())) {
            return Optional.empty();
        }
        return switch (path.size()) {
            case 1 -> video(path.get(0), Optional.empty());
            case 2 -> video(path.get(0), Optional.of(path.get(1)));
            case 3 -> path.get(0).equals("channels") && CHANNEL.matcher(path.get(1)).matches()
                    ? video(path.get(2), Optional.empty()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Video> video(String id, Optional<String> hash) {
        boolean valid = VIDEO_ID.matcher(id).matches()
                && hash.map(h -> UNLISTED_HASH.matcher(h).matches()).orElse(true);
        return valid ? Optional.of(new Video(id, hash)) : Optional.empty();
    }
}
