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
 * Embeds YouTube videos and shorts through the privacy-enhanced {@code youtube-nocookie.com}
 * player, so that viewing a post sets no YouTube cookies until the viewer presses play.
 */
@Component(service = EmbedProvider.class)
public final class YouTubeEmbedProvider implements EmbedProvider {

    private static final Set<String> SITE_HOSTS =
            Set.of("youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com");
    private static final Set<String> NOCOOKIE_HOSTS =
            Set.of("youtube-nocookie.com", "www.youtube-nocookie.com");
    private static final String SHORT_LINK_HOST = "youtu.be";
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    // Eleven characters like an id, but names the playlist player: without its list it is empty.
    private static final String PLAYLIST_PLAYER = "videoseries";

    private record Video(String id, AspectRatio aspect) { }

    /** Creates the provider; it holds no state. */
    public YouTubeEmbedProvider() {
    }

    @Override
    public String id() {
        return "youtube";
    }

    @Override
    public Optional<Embed> embed(URI url) {
        return CheckedUrl.of(url).flatMap(checked -> video(checked).map(video -> {
            String query = checked.startQuery("t", "start");
            return new Embed("YouTube",
                    URI.create("https://www.youtube-nocookie.com/embed/" + video.id() + query),
                    URI.create("https://www.youtube.com/watch?v=" + video.id()),
                    Optional.empty(),
                    Optional.of(URI.create("https://i.ytimg.com/vi/" + video.id() + "/hqdefault.jpg")),
                    video.aspect());
        }));
    }

    private static Optional<Video> video(CheckedUrl url) {
        List<String> path = url.segments();
        if (url.host().equals(SHORT_LINK_HOST)) {
            return path.size() == 1 ? video(path.get(0), AspectRatio.WIDESCREEN) : Optional.empty();
        }
        if (NOCOOKIE_HOSTS.contains(url.host())) {
            return path.size() == 2 && path.get(0).equals("embed")
                    ? video(path.get(1), AspectRatio.WIDESCREEN) : Optional.empty();
        }
        if (!SITE_HOSTS.contains(url.host())) {
            return Optional.empty();
        }
        if (path.equals(List.of("watch"))) {
            return url.param("v").flatMap(id -> video(id, AspectRatio.WIDESCREEN));
        }
        if (path.size() != 2) {
            return Optional.empty();
        }
        return switch (path.get(0)) {
            case "embed", "live" -> video(path.get(1), AspectRatio.WIDESCREEN);
            case "shorts" -> video(path.get(1), AspectRatio.PORTRAIT);
            default -> Optional.empty();
        };
    }

    private static Optional<Video> video(String id, AspectRatio aspect) {
        return VIDEO_ID.matcher(id).matches() && !id.equals(PLAYLIST_PLAYER)
                ? Optional.of(new Video(id, aspect)) : Optional.empty();
    }
}
