package org.atelier.server.federation.conversion;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.accounts.AccountStatus;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.federation.ActivityStreams;
import org.atelier.server.federation.Instance;
import org.atelier.server.http.Router;
import org.atelier.server.posts.Licence;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostImage;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.text.MarkdownRenderer;
import org.atelier.server.text.Mention;
import org.jsoup.nodes.Entities;

/**
 * Posts as ActivityStreams {@code Note}s, served at the post's page URL to ActivityPub clients
 * (to anyone who may see the post signed out: public and unlisted posts). Every image is an
 * attachment ({@code Image} with its media type, largest display rendition, size, blurhash,
 * focal point and alt text as {@code name} and {@code summary}); a post of more than four images
 * says so in its text, with a link, for servers that show four; embeds are links in the text;
 * the title leads the text; a content warning is {@code summary} with {@code sensitive}; tags are
 * {@code Hashtag}s, and mentioned local artists {@code Mention}s, addressed in {@code cc}. The
 * licence and the artist's no-AI-training choice travel as extension terms defined inline in the
 * {@code @context} ({@link #NAMESPACE}).
 */
public final class Notes {
    /** Atelier's extension vocabulary: IRIs under it need not resolve; FEDERATION.md defines the terms. */
    public static final String NAMESPACE = "https://atelier.social/ns#";
    /** The public collection. */
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    /** How many images most peers show of a post. */
    static final int SHOWN_BY_PEERS = 4;

    private final Instance instance;
    private final Posts posts;
    private final Accounts accounts;

    /**
     * Creates the converter.
     *
     * @param instance the instance's URLs
     * @param posts    the posts
     * @param accounts the accounts (mentions)
     */
    public Notes(Instance instance, Posts posts, Accounts accounts) {
        this.instance = instance;
        this.posts = posts;
        this.accounts = accounts;
    }

    /**
     * Registers {@code /posts/<id>} for ActivityPub clients; before the post page's route.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.getWhen("/posts/{id}", ActivityStreams::wantedBy, x -> {
            Post post = posts.find(Optional.empty(), x.pathParam("id"));
            ActivityStreams.send(x, note(post));
        });
    }

    /**
     * A post as a Note.
     *
     * @param post the post
     * @return the Note, JSON-ready
     */
    public Map<String, Object> note(Post post) {
        PostRecord r = post.record();
        String id = instance.baseUrl() + "/posts/" + r.publicId();
        String actor = instance.actor(r.authorUsername());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@context", context());
        v.put("id", id);
        v.put("type", "Note");
        v.put("attributedTo", actor);
        v.put("url", id);
        v.put("published", r.publishedAt().orElse(r.createdAt()).toString());
        if (r.updatedAt().isAfter(r.publishedAt().orElse(r.createdAt()))) {
            v.put("updated", r.updatedAt().toString());
        }
        String followers = instance.actorPart(r.authorUsername(), "followers");
        switch (r.visibilityValue()) {
            case PUBLIC -> {
                v.put("to", List.of(PUBLIC));
                v.put("cc", List.of(followers));
            }
            case UNLISTED -> {
                v.put("to", List.of(followers));
                v.put("cc", List.of(PUBLIC));
            }
            default -> {
                v.put("to", List.of(followers));
                v.put("cc", List.of());
            }
        }
        v.put("sensitive", r.isSensitive());
        v.put("summary", r.isSensitive() && !r.contentWarning().isBlank() ? r.contentWarning() : null);
        v.put("content", content(post, id));
        v.put("attachment", post.images().stream().map(this::attachment).toList());
        List<Map<String, Object>> tags = new java.util.ArrayList<>();
        for (String tag : post.tags()) {
            tags.add(Map.of("type", "Hashtag", "href", instance.baseUrl() + "/tags/"
                    + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8), "name", "#" + tag));
        }
        List<String> mentioned = new java.util.ArrayList<>();
        for (String username : mentionedHere(r)) {
            String href = instance.actor(username);
            tags.add(Map.of("type", "Mention", "href", href, "name", "@" + username + "@" + instance.domain()));
            mentioned.add(href);
        }
        if (!mentioned.isEmpty()) {
            // mentioned artists are addressed too, as every peer expects of a mention
            List<String> cc = new java.util.ArrayList<>(cast(v.get("cc")));
            mentioned.stream().filter(m -> !cc.contains(m)).forEach(cc::add);
            v.put("cc", cc);
        }
        v.put("tag", tags);
        Licence.of(r.licence()).filter(l -> !l.url().isEmpty()).ifPresent(l -> v.put("license", l.url()));
        v.put("noAiTraining", r.noAiTraining());
        return v;
    }

    /**
     * The local artists the description mentions ({@code @name}, or {@code @name@} this instance),
     * active accounts only, each once. Mentions of other servers' artists need WebFinger, which
     * the next layer brings.
     */
    private List<String> mentionedHere(PostRecord r) {
        List<String> found = new java.util.ArrayList<>();
        for (Mention m : MarkdownRenderer.forDescriptions().render(r.description()).mentions()) {
            boolean local = m.host().map(h -> h.equalsIgnoreCase(instance.domain())).orElse(true);
            if (local) {
                accounts.byUsername(m.username()).filter(a -> a.status() == AccountStatus.ACTIVE)
                        .map(a -> a.username()).filter(u -> !found.contains(u)).ifPresent(found::add);
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object list) {
        return (List<String>) list;
    }

    private String content(Post post, String url) {
        PostRecord r = post.record();
        StringBuilder html = new StringBuilder();
        if (!r.title().isBlank()) {
            html.append("<p><strong>").append(Entities.escape(r.title())).append("</strong></p>");
        }
        html.append(r.descriptionHtml());
        for (String embed : post.embeds()) {
            String href = Entities.escape(embed);
            html.append("<p><a href=\"").append(href).append("\">").append(href).append("</a></p>");
        }
        if (post.images().size() > SHOWN_BY_PEERS) {
            html.append("<p>").append(post.images().size()).append(" images — see them all: <a href=\"")
                    .append(url).append("\">").append(url).append("</a></p>");
        }
        return html.toString();
    }

    private Map<String, Object> attachment(PostImage image) {
        Optional<PostImage.RenditionSize> largest = image.renditions().stream()
                .filter(s -> s.name().startsWith("display-"))
                .max(Comparator.comparingInt(PostImage.RenditionSize::width));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "Image");
        largest.ifPresent(s -> {
            a.put("mediaType", s.mediaType());
            a.put("url", instance.baseUrl() + "/media/" + image.publicId() + "/" + s.name());
            a.put("width", s.width());
            a.put("height", s.height());
        });
        a.put("blurhash", image.blurhash());
        // Mastodon's focal point: x from -1 (left) to 1 (right), y from -1 (bottom) to 1 (top)
        a.put("focalPoint", List.of(round(2 * image.focalX() - 1), round(1 - 2 * image.focalY())));
        a.put("name", image.altText());
        a.put("summary", image.altText());
        return a;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** @return the {@code @context} of Notes and of collections holding them */
    static List<Object> context() {
        return List.of(ActivityStreams.CONTEXT, terms());
    }

    private static Map<String, Object> terms() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("atelier", NAMESPACE);
        t.put("toot", "http://joinmastodon.org/ns#");
        t.put("sensitive", "as:sensitive");
        t.put("Hashtag", "as:Hashtag");
        t.put("blurhash", "toot:blurhash");
        t.put("focalPoint", Map.of("@container", "@list", "@id", "toot:focalPoint"));
        t.put("license", Map.of("@id", "https://schema.org/license", "@type", "@id"));
        t.put("noAiTraining", "atelier:noAiTraining");
        return t;
    }
}
