package org.atelier.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.server.social.AccountEntry;
import org.atelier.server.social.AccountPage;
import org.atelier.server.social.CommentView;
import org.atelier.server.social.Notification;
import org.atelier.server.social.Relationship;

/** The API's shapes of the social layer: account lists, relationships, comments, notifications. */
public final class SocialJson {
    private SocialJson() {
    }

    /**
     * A page of accounts.
     *
     * @param page the page
     * @return {@code {"items": [{"username", "displayName", "since"}], "next": token-or-null}}
     */
    public static Map<String, Object> accounts(AccountPage page) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", page.items().stream().map(SocialJson::account).toList());
        v.put("next", page.next().orElse(null));
        return v;
    }

    private static Map<String, Object> account(AccountEntry entry) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("username", entry.username());
        v.put("displayName", entry.displayName());
        v.put("since", entry.at());
        return v;
    }

    /**
     * A relationship.
     *
     * @param r the relationship
     * @return its flags by name
     */
    public static Map<String, Object> relationship(Relationship r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("following", r.following());
        v.put("requested", r.requested());
        v.put("followedBy", r.followedBy());
        v.put("requestedBy", r.requestedBy());
        v.put("blocking", r.blocking());
        v.put("blockedBy", r.blockedBy());
        v.put("muting", r.muting());
        return v;
    }

    /**
     * A comment in a thread.
     *
     * @param c the comment
     * @return {@code {"id", "parentId", "depth", "state", "author": {...} or null, "body", "bodyHtml",
     *         "createdAt", "deletable"}}
     */
    public static Map<String, Object> comment(CommentView c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("parentId", c.parentId().orElse(null));
        v.put("depth", c.depth());
        v.put("state", c.state().key());
        v.put("author", c.authorUsername().map(u -> Map.of("username", u, "displayName", c.authorName().orElse("")))
                .orElse(null));
        v.put("body", c.body());
        v.put("bodyHtml", c.bodyHtml());
        v.put("createdAt", c.createdAt());
        v.put("deletable", c.deletable());
        return v;
    }

    /**
     * A page of a thread.
     *
     * @param thread the page
     * @return {@code {"items": [comment...], "next": token-or-null}}
     */
    public static Map<String, Object> thread(CommentView.Thread thread) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", thread.comments().stream().map(SocialJson::comment).toList());
        v.put("next", thread.next().orElse(null));
        return v;
    }

    /**
     * A page of notifications.
     *
     * @param page the page
     * @return {@code {"items": [{"id", "kind", "actor": {...}, "post": {"id", "title"} or null,
     *         "comment": {"id"} or null, "createdAt", "read"}], "next": token-or-null}}
     */
    public static Map<String, Object> notifications(Notification.Page page) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", page.items().stream().map(SocialJson::notification).toList());
        v.put("next", page.next().orElse(null));
        return v;
    }

    private static Map<String, Object> notification(Notification n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", n.id());
        v.put("kind", n.kind());
        v.put("actor", Map.of("username", n.actorUsername(), "displayName", n.actorName()));
        v.put("post", n.postPublicId().map(id -> Map.of("id", id, "title", n.postTitle().orElse(""))).orElse(null));
        v.put("comment", n.commentPublicId().map(id -> Map.of("id", id)).orElse(null));
        v.put("createdAt", n.createdAt());
        v.put("read", n.read());
        return v;
    }
}
