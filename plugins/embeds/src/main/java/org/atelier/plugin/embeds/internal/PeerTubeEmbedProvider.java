package org.atelier.plugin.embeds.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.atelier.plugin.api.embed.AspectRatio;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Embeds PeerTube videos from any instance.
 *
 * <p>PeerTube is federated, so there is no host list to check: a URL is recognised by the path
 * shapes every instance serves, and the host only has to be a public DNS name. The frame then
 * comes from that same instance, built from the validated host and id.
 */
@Component(service = EmbedProvider.class)
public final class PeerTubeEmbedProvider implements EmbedProvider {

    // The short form is a base58 UUID: no 0, O, I or l.
    private static final Pattern SHORT_ID = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{22}");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Creates the provider; it holds no state. */
    public PeerTubeEmbedProvider() {
    }

    @Override
    public String id() {
        return "peertube";
    }

    @Override
    public Optional<Embed> embed(URI url) {
        return CheckedUrl.of(url)
                .filter(checked -> CheckedUrl.isPublicDnsName(checked.host()))
                .flatMap(checked -> videoId(checked.segments()).map(id -> {
                    String origin = "https://" + checked.host();
                    String query = checked.startQuery("start");
                    String page = UUID.matcher(id).matches() ? "/videos/watch/" : "/w/";
                    return new Embed("PeerTube",
                            URI.create(origin + "/videos/embed/" + id + query),
                            URI.create(origin + page + id),
                            Optional.empty(),
                            Optional.empty(),
                            AspectRatio.WIDESCREEN);
                }));
    }

    private static Optional<String> videoId(List<String> path) {
        boolean shaped = (path.size() == 2 && path.get(0).equals("w"))
                || (path.size() == 3 && path.get(0).equals("videos")
                        && (path.get(1).equals("watch") || path.get(1).equals("embed")));
        if (!shaped) {
            return Optional.empty();
        }
        String id = path.get(path.size() - 1);
        return SHORT_ID.matcher(id).matches() || UUID.matcher(id).matches()
                ? Optional.of(id) : Optional.empty();
    }
}
