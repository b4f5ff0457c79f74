package org.atelier.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.profiles.Profile;
import org.atelier.server.profiles.ProfileChanges;
import org.atelier.server.profiles.ProfileLink;
import org.atelier.server.profiles.Profiles;

/**
 * Profiles over JSON: {@code GET /api/v1/accounts/{username}} and {@code PATCH /api/v1/profile}
 * (display name, bio, location, links, skills, open to work, locked, default "no AI training",
 * avatar and banner as image ids — uploaded through the media API, cropped there).
 */
public final class ProfilesApi {
    private final Profiles profiles;

    /**
     * Creates the API.
     *
     * @param profiles the profile service
     */
    public ProfilesApi(Profiles profiles) {
        this.profiles = profiles;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/api/v1/accounts/{username}", x -> x.json(200, view(profiles.byUsername(x.pathParam("username"))
                .orElseThrow(() -> new HttpError(404, "No artist by that name here.")))));
        router.patch("/api/v1/profile", x -> {
            JsonBody body = JsonBody.of(x);
            Optional<List<ProfileLink>> links = body.objects("links", Profiles.MAX_LINKS + 1).map(list -> list.stream()
                    .map(l -> new ProfileLink(l.string("label").orElse(""), l.string("url").orElse(""))).toList());
            ProfileChanges changes = new ProfileChanges(body.string("displayName"), body.string("bio"),
                    body.string("location"), links, body.strings("skills", Profiles.MAX_SKILLS + 1),
                    body.bool("openToWork"), body.bool("locked"), body.bool("noAiDefault"),
                    nullable(body, "avatar"), nullable(body, "banner"));
            x.json(200, view(profiles.update(x.requireViewer(), changes)));
        });
    }

    /** An image field: absent keeps it, {@code null} or "" clears it. */
    private static Optional<String> nullable(JsonBody body, String name) {
        return body.has(name) ? Optional.of(body.string(name).orElse("")) : Optional.empty();
    }

    /**
     * A profile as JSON.
     *
     * @param p the profile
     * @return a JSON-ready map
     */
    public static Map<String, Object> view(Profile p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("username", p.username());
        v.put("displayName", p.displayName());
        v.put("url", "/@" + p.username());
        v.put("bio", p.bio());
        v.put("role", p.role());
        v.put("bioHtml", p.bioHtml());
        v.put("location", p.location());
        v.put("links", p.links());
        v.put("skills", p.skills());
        v.put("openToWork", p.openToWork());
        v.put("locked", p.locked());
        v.put("noAiDefault", p.noAiDefault());
        v.put("avatar", p.avatar().map(id -> "/media/" + id + "/thumbnail").orElse(null));
        v.put("banner", p.banner().map(id -> "/media/" + id + "/cover").orElse(null));
        v.put("posts", p.postCount());
        v.put("followers", p.followerCount());
        v.put("following", p.followingCount());
        v.put("createdAt", p.createdAt());
        return v;
    }
}
