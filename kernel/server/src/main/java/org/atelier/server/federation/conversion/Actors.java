package org.atelier.server.federation.conversion;

import io.helidon.http.HeaderNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.federation.ActivityStreams;
import org.atelier.server.federation.Instance;
import org.atelier.server.federation.keys.ActorKeys;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.Router;
import org.atelier.server.profiles.Profile;
import org.atelier.server.profiles.ProfileLink;
import org.atelier.server.profiles.Profiles;
import org.jsoup.nodes.Entities;

/**
 * Actor documents: each active account as a {@code Person} at {@code /users/<name>} (and at its
 * profile page {@code /@<name>} when an ActivityPub client asks), with its public key, inbox,
 * outbox, followers, following, featured (pinned) works, shared inbox, whether it approves
 * followers, its profile page, avatar, banner, bio and links; and the instance actor
 * ({@code Application} at {@code /actor}), which signs the instance's own requests. The followers
 * and following collections give their sizes; the outbox and featured ones are
 * {@link ActorCollections}. A browser asking for {@code /users/<name>} is sent to the profile page.
 */
public final class Actors {
    /** The extension terms actor documents use beyond ActivityStreams and security v1. */
    static final Map<String, Object> TERMS = terms();

    private final Instance instance;
    private final Accounts accounts;
    private final Profiles profiles;
    private final ActorKeys keys;

    /**
     * Creates the documents' source.
     *
     * @param instance the instance's URLs
     * @param accounts the accounts
     * @param profiles the profiles
     * @param keys     the actors' keys
     */
    public Actors(Instance instance, Accounts accounts, Profiles profiles, ActorKeys keys) {
        this.instance = instance;
        this.accounts = accounts;
        this.profiles = profiles;
        this.keys = keys;
    }

    /**
     * Registers the routes; before the pages' routes, as {@code /@<name>} answers ActivityPub
     * clients here and browsers there.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.getWhen("/@{username}", ActivityStreams::wantedBy,
                x -> ActivityStreams.send(x, person(profile(x))));
        router.get("/users/{username}", x -> {
            Profile profile = profile(x);
            if (ActivityStreams.wantedBy(x.request())) {
                ActivityStreams.send(x, person(profile));
            } else {
                x.response().status(302);
                x.response().header(HeaderNames.LOCATION, "/@" + profile.username());
                x.response().send();
            }
        });
        router.get("/users/{username}/followers", x -> {
            Profile p = profile(x);
            ActivityStreams.send(x, collection(instance.actorPart(p.username(), "followers"), p.followerCount()));
        });
        router.get("/users/{username}/following", x -> {
            Profile p = profile(x);
            ActivityStreams.send(x, collection(instance.actorPart(p.username(), "following"), p.followingCount()));
        });
        router.get("/actor", x -> ActivityStreams.send(x, instanceActor()));
    }

    /**
     * An account's actor document.
     *
     * @param profile the account's profile
     * @return the document, JSON-ready
     */
    public Map<String, Object> person(Profile profile) {
        String id = instance.actor(profile.username());
        Map<String, Object> v = document();
        v.put("id", id);
        v.put("type", "Person");
        v.put("preferredUsername", profile.username());
        v.put("name", profile.displayName());
        v.put("summary", profile.bioHtml());
        v.put("url", instance.profile(profile.username()));
        v.put("published", profile.createdAt().toString());
        v.put("manuallyApprovesFollowers", profile.locked());
        v.put("discoverable", true);
        v.put("inbox", instance.actorPart(profile.username(), "inbox"));
        v.put("outbox", instance.actorPart(profile.username(), "outbox"));
        v.put("followers", instance.actorPart(profile.username(), "followers"));
        v.put("following", instance.actorPart(profile.username(), "following"));
        v.put("featured", instance.actorPart(profile.username(), "collections/featured"));
        v.put("endpoints", Map.of("sharedInbox", instance.sharedInbox()));
        v.put("publicKey", publicKey(id, profile.accountId()));
        profile.avatar().ifPresent(media -> v.put("icon", image(media, "thumbnail")));
        profile.banner().ifPresent(media -> v.put("image", image(media, "cover")));
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (ProfileLink link : profile.links()) {
            String href = Entities.escape(link.url());
            attachments.add(Map.of("type", "PropertyValue", "name", link.label().isBlank() ? "Link" : link.label(),
                    "value", "<a href=\"" + href + "\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\">"
                            + href + "</a>"));
        }
        v.put("attachment", attachments);
        return v;
    }

    /** @return the instance actor's document */
    public Map<String, Object> instanceActor() {
        String id = instance.instanceActor();
        Map<String, Object> v = document();
        v.put("id", id);
        v.put("type", "Application");
        v.put("preferredUsername", instance.domain());
        v.put("name", instance.domain());
        v.put("url", instance.baseUrl() + "/");
        v.put("manuallyApprovesFollowers", true);
        v.put("inbox", id + "/inbox");
        v.put("outbox", id + "/outbox");
        v.put("endpoints", Map.of("sharedInbox", instance.sharedInbox()));
        v.put("publicKey", publicKey(id, ActorKeys.INSTANCE));
        return v;
    }

    private Map<String, Object> publicKey(String actorId, long owner) {
        return Map.of("id", Instance.keyId(actorId), "owner", actorId, "publicKeyPem", keys.of(owner).publicKeyPem());
    }

    private Map<String, Object> image(String mediaId, String rendition) {
        return Map.of("type", "Image", "url", instance.baseUrl() + "/media/" + mediaId + "/" + rendition);
    }

    private static Map<String, Object> collection(String id, long total) {
        Map<String, Object> v = ActivityStreams.orderedCollection(id);
        v.put("totalItems", total);
        return v;
    }

    private static Map<String, Object> document() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@context", List.of(ActivityStreams.CONTEXT, ActivityStreams.SECURITY, TERMS));
        return v;
    }

    private Profile profile(Exchange x) {
        Account account = accounts.activeArtist(x.pathParam("username"));
        return profiles.byUsername(account.username()).orElseThrow();
    }


    private static Map<String, Object> terms() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("manuallyApprovesFollowers", "as:manuallyApprovesFollowers");
        t.put("toot", "http://joinmastodon.org/ns#");
        t.put("discoverable", "toot:discoverable");
        t.put("schema", "http://schema.org#");
        t.put("PropertyValue", "schema:PropertyValue");
        t.put("value", "schema:value");
        return t;
    }
}
