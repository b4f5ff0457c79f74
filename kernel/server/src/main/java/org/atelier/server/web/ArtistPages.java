package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.ClientError;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.FormData;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Multipart;
import org.atelier.server.http.Router;
import org.atelier.server.media.MediaLibrary;
import org.atelier.server.media.Framing;
import org.atelier.server.posts.Posts;
import org.atelier.server.profiles.Profile;
import org.atelier.server.profiles.ProfileChanges;
import org.atelier.server.profiles.ProfileLink;
import org.atelier.server.profiles.Profiles;
import org.atelier.server.store.Cursor;

/**
 * An artist's pages: the profile with the portfolio grid ({@code /@name}), the posts that are not
 * in the portfolio ({@code /@name/posts}), and the profile settings.
 */
public final class ArtistPages {
    private static final int PAGE = 24;

    private final Profiles profiles;
    private final Posts posts;
    private final MediaLibrary media;
    private final PageRenderer pages;
    private final List<ProfileControls> controls;

    /**
     * Creates the pages.
     *
     * @param profiles the profiles
     * @param posts    the posts
     * @param media    the media library (avatar and banner uploads)
     * @param pages    the renderer
     * @param controls what other features show on an artist's page
     */
    public ArtistPages(Profiles profiles, Posts posts, MediaLibrary media, PageRenderer pages,
                       List<ProfileControls> controls) {
        this.profiles = profiles;
        this.posts = posts;
        this.media = media;
        this.pages = pages;
        this.controls = List.copyOf(controls);
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/@{username}", x -> artistPage(x, true));
        router.get("/@{username}/posts", x -> artistPage(x, false));
        router.get("/settings/profile", x -> {
            Profile profile = profiles.byUsername(x.requireViewer().username()).orElseThrow();
            pages.send(x, 200, "Profile settings", "settings-profile", settingsModel(profile));
        });
        router.upload("/settings/profile", x -> {
            Viewer viewer = x.requireViewer();
            FormData fields = FormData.read(x, 2 * media.limits().maxBytes() + 64 * 1024, 40);
            Profile current = profiles.byUsername(viewer.username()).orElseThrow();
            try {
                Optional<String> avatar = image(viewer, fields.files("avatar"), fields.checked("removeAvatar"));
                Optional<String> banner = image(viewer, fields.files("banner"), fields.checked("removeBanner"));
                List<ProfileLink> links = new ArrayList<>();
                for (String line : fields.text("links").lines().toList()) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty()) {
                        int space = trimmed.lastIndexOf(' ');
                        links.add(space < 0 ? new ProfileLink("", trimmed)
                                : new ProfileLink(trimmed.substring(0, space), trimmed.substring(space + 1)));
                    }
                }
                List<String> skills = Arrays.stream(fields.text("skills").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                Profile saved = profiles.update(viewer, new ProfileChanges(Optional.of(fields.text("displayName")),
                        Optional.of(fields.text("bio")), Optional.of(fields.text("location")), Optional.of(links),
                        Optional.of(skills), Optional.of(fields.checked("openToWork")),
                        Optional.of(fields.checked("locked")), Optional.of(fields.checked("noAiDefault")),
                        avatar, banner));
                Map<String, Object> model = settingsModel(saved);
                model.put("message", "Saved.");
                pages.send(x, 200, "Profile settings", "settings-profile", model);
            } catch (RuntimeException e) {
                if (!(e instanceof ClientError refusal)) {
                    throw e;
                }
                Map<String, Object> model = settingsModel(current);
                for (String name : new String[] {"displayName", "bio", "location", "links", "skills"}) {
                    model.put(name, fields.text(name));
                }
                model.put("error", refusal.getMessage());
                pages.send(x, refusal.status(), "Profile settings", "settings-profile", model);
            }
        });
    }

    /** A new avatar or banner from the form, a removal, or empty to keep the current one. */
    private Optional<String> image(Viewer viewer, List<Multipart.Part> file, boolean remove) {
        if (!file.isEmpty()) {
            return Optional.of(media.upload(viewer, file.get(0).content(), Framing.centred(), "").media().publicId());
        }
        return remove ? Optional.of("") : Optional.empty();
    }

    private void artistPage(Exchange x, boolean portfolio) {
        Profile profile = profiles.byUsername(x.pathParam("username"))
                .orElseThrow(() -> new HttpError(404, "No artist by that name here."));
        Cursor cursor = Cursor.before(x);
        Optional<Viewer> viewer = x.viewer();
        Posts.Page page = portfolio ? posts.portfolio(viewer, profile.accountId(), cursor, PAGE)
                : posts.otherPosts(viewer, profile.accountId(), cursor, PAGE);
        Map<String, Object> model = profileModel(profile);
        String path = "/@" + profile.username() + (portfolio ? "" : "/posts");
        model.put("portfolioTab", portfolio);
        model.put("postsTab", !portfolio);
        model.put("posts", PostViews.cards(page.items()));
        model.put("empty", page.items().isEmpty() && cursor.equals(Cursor.START));
        model.put("next", PostViews.nextLink(path, page));
        model.put("own", viewer.map(v -> v.accountId() == profile.accountId()).orElse(false));
        for (ProfileControls feature : controls) {
            model.putAll(feature.controls(viewer, profile));
        }
        x.response().header(HeaderNames.CACHE_CONTROL, "private, no-cache");
        pages.send(x, 200, profile.displayName() + " (@" + profile.username() + ")", "profile", model);
    }

    /**
     * A profile's template values.
     *
     * @param p the profile
     * @return the values
     */
    static Map<String, Object> profileModel(Profile p) {
        Map<String, Object> m = new HashMap<>();
        m.put("username", p.username());
        m.put("displayName", p.displayName());
        m.put("bioHtml", p.bioHtml());
        m.put("location", p.location());
        m.put("links", p.links());
        m.put("skills", p.skills());
        m.put("hasSkills", !p.skills().isEmpty());
        m.put("openToWork", p.openToWork());
        m.put("locked", p.locked());
        m.put("avatar", p.avatar().map(id -> "/media/" + id + "/thumbnail").orElse(""));
        m.put("banner", p.banner().map(id -> "/media/" + id + "/cover").orElse(""));
        m.put("postCount", p.postCount());
        m.put("followerCount", p.followerCount());
        m.put("followingCount", p.followingCount());
        Map<String, Object> model = new HashMap<>();
        model.put("profile", m);
        return model;
    }

    private static Map<String, Object> settingsModel(Profile p) {
        Map<String, Object> m = new HashMap<>(profileModel(p));
        m.put("displayName", p.displayName());
        m.put("bio", p.bio());
        m.put("location", p.location());
        m.put("links", String.join("\n", p.links().stream().map(l -> l.label() + " " + l.url()).toList()));
        m.put("skills", String.join(", ", p.skills()));
        m.put("openToWork", p.openToWork());
        m.put("locked", p.locked());
        m.put("noAiDefault", p.noAiDefault());
        m.put("username", p.username());
        m.put("avatarId", p.avatar().orElse(""));
        m.put("bannerId", p.banner().orElse(""));
        return m;
    }

}
