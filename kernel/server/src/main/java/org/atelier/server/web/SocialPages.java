package org.atelier.server.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.profiles.Profile;
import org.atelier.server.social.AccountEntry;
import org.atelier.server.social.AccountPage;
import org.atelier.server.social.CommentState;
import org.atelier.server.social.CommentView;
import org.atelier.server.social.Comments;
import org.atelier.server.social.Notification;
import org.atelier.server.social.Notifications;
import org.atelier.server.social.PostInteractions;
import org.atelier.server.social.Reactions;
import org.atelier.server.social.Relationship;
import org.atelier.server.social.Social;
import org.atelier.server.store.Cursor;

/**
 * The social side of the pages: follow, block and mute on an artist's page; like, repost and
 * the comment thread on a post's page; notifications and follow requests. Every action is a
 * plain form that redirects back, so all of it works without JavaScript.
 */
public final class SocialPages implements PostControls, ProfileControls {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int PAGE = 30;

    private final Social social;
    private final Reactions reactions;
    private final Comments comments;
    private final Notifications notifications;
    private final Accounts accounts;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param social        follows, blocks, mutes
     * @param reactions     likes and reposts
     * @param comments      comments
     * @param notifications notifications
     * @param accounts      accounts
     * @param pages         the renderer
     */
    public SocialPages(Social social, Reactions reactions, Comments comments, Notifications notifications,
                       Accounts accounts, PageRenderer pages) {
        this.social = social;
        this.reactions = reactions;
        this.comments = comments;
        this.notifications = notifications;
        this.accounts = accounts;
        this.pages = pages;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.post("/@{username}/follow", x -> accountAction(x, (viewer, account, undo) -> {
            if (undo) {
                social.unfollow(viewer, account);
            } else {
                social.follow(viewer, account);
            }
        }));
        router.post("/@{username}/block", x -> accountAction(x, (viewer, account, undo) -> {
            if (undo) {
                social.unblock(viewer, account);
            } else {
                social.block(viewer, account);
            }
        }));
        router.post("/@{username}/mute", x -> accountAction(x, (viewer, account, undo) -> {
            if (undo) {
                social.unmute(viewer, account);
            } else {
                social.mute(viewer, account);
            }
        }));
        router.post("/posts/{id}/like", x -> {
            Viewer viewer = x.requireViewer();
            if (undo(x)) {
                reactions.unlike(viewer, x.pathParam("id"));
            } else {
                reactions.like(viewer, x.pathParam("id"));
            }
            x.seeOther("/posts/" + x.pathParam("id"));
        });
        router.post("/posts/{id}/repost", x -> {
            Viewer viewer = x.requireViewer();
            if (undo(x)) {
                reactions.unrepost(viewer, x.pathParam("id"));
            } else {
                reactions.repost(viewer, x.pathParam("id"));
            }
            x.seeOther("/posts/" + x.pathParam("id"));
        });
        router.post("/posts/{id}/comments", x -> {
            Viewer viewer = x.requireViewer();
            Map<String, String> form = x.form();
            CommentView comment = comments.create(viewer, x.pathParam("id"), form.getOrDefault("body", ""),
                    Optional.ofNullable(form.get("inReplyTo")).filter(s -> !s.isBlank()));
            x.seeOther("/posts/" + x.pathParam("id") + "#comment-" + comment.id());
        });
        router.post("/comments/{id}/delete", x -> {
            comments.delete(x.requireViewer(), x.pathParam("id"));
            String back = x.form().getOrDefault("post", "");
            x.seeOther(back.matches("[A-Za-z0-9_-]{1,40}") ? "/posts/" + back + "#comments" : "/");
        });
        router.get("/notifications", x -> {
            Viewer viewer = x.requireViewer();
            Notification.Page page = notifications.page(viewer, Cursor.before(x), PAGE);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Notification n : page.items()) {
                Map<String, Object> item = new HashMap<>();
                item.put("id", n.id());
                item.put("text", describe(n));
                item.put("actor", Map.of("username", n.actorUsername(), "displayName", n.actorName()));
                item.put("link", n.postPublicId().map(p -> "/posts/" + p
                        + n.commentPublicId().map(c -> "#comment-" + c).orElse("")).orElse("/@" + n.actorUsername()));
                item.put("when", WHEN.format(n.createdAt()));
                item.put("unread", !n.read());
                items.add(item);
            }
            pages.send(x, "Notifications", "notifications", Map.of("items", items, "empty", items.isEmpty(),
                    "next", page.next().map(t -> "/notifications?before=" + t).orElse(""),
                    "newest", page.items().isEmpty() ? 0L : page.items().get(0).id()));
        });
        router.post("/notifications/read", x -> {
            Viewer viewer = x.requireViewer();
            String upTo = x.form().getOrDefault("upTo", "");
            notifications.markRead(viewer, upTo.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(upTo))
                    : OptionalLong.empty());
            x.seeOther("/notifications");
        });
        router.get("/follow-requests", x -> {
            Viewer viewer = x.requireViewer();
            AccountPage page = social.followRequests(viewer, Cursor.before(x), PAGE);
            pages.send(x, "Follow requests", "follow-requests", Map.of("items", page.items().stream()
                    .map(SocialPages::entry).toList(), "empty", page.items().isEmpty(),
                    "next", page.next().map(t -> "/follow-requests?before=" + t).orElse("")));
        });
        router.post("/follow-requests/{username}/{decision}", x -> {
            Viewer viewer = x.requireViewer();
            Account follower = account(x.pathParam("username"));
            switch (x.pathParam("decision")) {
                case "accept" -> social.acceptFollow(viewer, follower);
                case "reject" -> social.rejectFollow(viewer, follower);
                default -> throw new HttpError(404, "No such page.");
            }
            x.seeOther("/follow-requests");
        });
    }

    @Override
    public Map<String, Object> controls(Optional<Viewer> viewer, Profile profile) {
        Map<String, Object> m = new HashMap<>();
        boolean self = viewer.map(v -> v.accountId() == profile.accountId()).orElse(false);
        if (viewer.isPresent() && !self) {
            Relationship r = social.relationship(viewer, profile.accountId());
            Map<String, Object> rel = new HashMap<>();
            rel.put("following", r.following());
            rel.put("requested", r.requested());
            rel.put("followedBy", r.followedBy());
            rel.put("blocking", r.blocking());
            rel.put("blockedBy", r.blockedBy());
            rel.put("muting", r.muting());
            rel.put("canFollow", !r.following() && !r.requested() && !r.blocking() && !r.blockedBy());
            m.put("relationship", rel);
        }
        return m;
    }

    @Override
    public Map<String, Object> controls(Optional<Viewer> viewer, PostRecord post) {
        Map<String, Object> m = new HashMap<>();
        PostInteractions mine = reactions.interactions(viewer, List.of(post.id()));
        m.put("liked", mine.liked(post.id()));
        m.put("reposted", mine.reposted(post.id()));
        m.put("canRepost", post.visibilityValue() != org.atelier.server.posts.Visibility.FOLLOWERS);
        CommentView.Thread thread = comments.thread(viewer, post.publicId(), Cursor.START,
                org.atelier.server.social.Comments.MAX_PAGE);
        List<Map<String, Object>> items = new ArrayList<>();
        for (CommentView c : thread.comments()) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", c.id());
            item.put("depth", Math.min(c.depth(), 8));
            item.put("visible", c.state() == CommentState.VISIBLE);
            item.put("deleted", c.state() == CommentState.DELETED);
            c.authorUsername().ifPresent(u -> item.put("author", Map.of("username", u,
                    "displayName", c.authorName().orElse(u))));
            item.put("bodyHtml", c.bodyHtml());
            item.put("when", WHEN.format(c.createdAt()));
            item.put("whenIso", c.createdAt().toString());
            item.put("deletable", c.deletable());
            items.add(item);
        }
        m.put("commentItems", items);
        m.put("hasComments", !items.isEmpty());
        m.put("moreComments", thread.next().isPresent());
        return m;
    }

    private static String describe(Notification n) {
        String title = n.postTitle().filter(t -> !t.isBlank()).map(t -> "“" + t + "”").orElse("your work");
        return switch (n.kind()) {
            case "follow" -> "followed you";
            case "follow_request" -> "asked to follow you";
            case "like" -> "liked " + title;
            case "repost" -> "reposted " + title;
            case "comment" -> "commented on " + title;
            case "mention" -> "mentioned you";
            default -> n.kind();
        };
    }

    private static Map<String, Object> entry(AccountEntry e) {
        return Map.of("username", e.username(), "displayName", e.displayName());
    }

    /** An action on the account named in the path, undone when the form says {@code do=undo}. */
    private void accountAction(Exchange x, AccountAction action) {
        Viewer viewer = x.requireViewer();
        Account account = account(x.pathParam("username"));
        action.apply(viewer, account, undo(x));
        x.seeOther("/@" + account.username());
    }

    private Account account(String username) {
        return accounts.activeArtist(username);
    }

    private static boolean undo(Exchange x) {
        return "undo".equals(x.form().get("do"));
    }


    /** Something done to an account from its page. */
    @FunctionalInterface
    private interface AccountAction {
        void apply(Viewer viewer, Account account, boolean undo);
    }
}
