package org.atelier.server.federation.conversion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.federation.ActivityStreams;
import org.atelier.server.federation.Instance;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.Router;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;

/**
 * An actor's outbox and featured collections, as peers read them to fill in a profile they have
 * just met. The outbox is an {@code OrderedCollection} of the artist's public and unlisted posts,
 * newest first, whose pages ({@code ?page=true}, then each page's {@code next}) hold a
 * {@code Create} per post with the post's {@link Notes Note}; followers-only posts are not listed
 * (they go to followers' inboxes). The featured collection holds the pinned works as Notes.
 */
public final class ActorCollections {
    /** Posts per outbox page (Mastodon's size). */
    static final int PAGE = 20;

    private final Instance instance;
    private final Accounts accounts;
    private final Posts posts;
    private final Notes notes;

    /**
     * Creates the collections.
     *
     * @param instance the instance's URLs
     * @param accounts the accounts
     * @param posts    the posts
     * @param notes    posts as Notes
     */
    public ActorCollections(Instance instance, Accounts accounts, Posts posts, Notes notes) {
        this.instance = instance;
        this.accounts = accounts;
        this.posts = posts;
        this.notes = notes;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/users/{username}/outbox", this::outbox);
        router.get("/users/{username}/collections/featured", x -> {
            Account account = accounts.activeArtist(x.pathParam("username"));
            List<Object> items = posts.pinned(Optional.empty(), account.id()).stream().map(p -> (Object) notes.note(p))
                    .toList();
            Map<String, Object> v = ActivityStreams.orderedCollection(instance.actorPart(account.username(), "collections/featured"));
            v.put("@context", Notes.context());
            v.put("totalItems", items.size());
            v.put("orderedItems", items);
            ActivityStreams.send(x, v);
        });
    }

    private void outbox(Exchange x) {
        Account account = accounts.activeArtist(x.pathParam("username"));
        String id = instance.actorPart(account.username(), "outbox");
        Optional<String> page = x.request().query().first("page").asOptional();
        if (page.isEmpty()) {
            Map<String, Object> v = ActivityStreams.orderedCollection(id);
            v.put("totalItems", posts.countPublished(Optional.empty(), account.id()));
            v.put("first", id + "?page=true");
            ActivityStreams.send(x, v);
            return;
        }
        Posts.Page found = posts.published(Optional.empty(), account.id(), Cursor.before(x), PAGE);
        Optional<String> before = x.request().query().first("before").asOptional();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@context", Notes.context());
        v.put("id", id + "?page=true" + before.map(b -> "&before=" + b).orElse(""));
        v.put("type", "OrderedCollectionPage");
        v.put("partOf", id);
        found.next().ifPresent(next -> v.put("next", id + "?page=true&before=" + next));
        v.put("orderedItems", found.items().stream().map(this::create).toList());
        ActivityStreams.send(x, v);
    }

    private Map<String, Object> create(Post post) {
        Map<String, Object> note = notes.note(post);
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("id", note.get("id") + "/activity");
        create.put("type", "Create");
        create.put("actor", note.get("attributedTo"));
        create.put("published", note.get("published"));
        create.put("to", note.get("to"));
        create.put("cc", note.get("cc"));
        Map<String, Object> object = new LinkedHashMap<>(note);
        object.remove("@context"); // the page's, which carries the same terms
        create.put("object", object);
        return create;
    }
}
