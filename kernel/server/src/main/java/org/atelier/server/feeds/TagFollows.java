package org.atelier.server.feeds;

import java.time.Clock;
import java.util.List;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.HttpError;
import org.atelier.server.store.Database;
import org.atelier.server.text.Hashtag;
import org.atelier.server.text.Tags;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Tags a viewer follows: their posts come into the viewer's home feed. Tags are matched in their
 * normalised form ({@link Hashtag#key()}), so following {@code #Watercolour} follows
 * {@code watercolour}. Following and unfollowing are idempotent. Thread-safe.
 */
public final class TagFollows {
    private final FeedDao dao;
    private final Clock clock;
    private final HomeTimelines timelines;

    /**
     * Creates the service.
     *
     * @param database  the database
     * @param timelines the home timelines, rebuilt when the tags a viewer follows change
     * @param clock     the clock
     */
    public TagFollows(Database database, HomeTimelines timelines, Clock clock) {
        this.dao = database.jdbi().onDemand(FeedDao.class);
        this.timelines = timelines;
        this.clock = clock;
    }

    /**
     * Follows a tag.
     *
     * @param viewer the signed-in viewer
     * @param tag    the tag as typed ({@code #} optional)
     * @return the tag's normalised form
     * @throws HttpError 400 when it is not a tag; 409 when the viewer follows
     *                       {@value Feeds#MAX_FOLLOWED_TAGS} tags already
     */
    public String follow(Viewer viewer, String tag) {
        String key = key(tag);
        if (dao.followsTag(viewer.accountId(), key) > 0) {
            return key;
        }
        if (dao.countFollowedTags(viewer.accountId()) >= Feeds.MAX_FOLLOWED_TAGS) {
            throw new HttpError(409, "You follow " + Feeds.MAX_FOLLOWED_TAGS + " tags, the most there can be;"
                    + " unfollow one first.");
        }
        try {
            dao.followTag(viewer.accountId(), key, clock.instant());
            timelines.tagsChanged(viewer.accountId());
        } catch (UnableToExecuteStatementException e) {
            // a concurrent follow of the same tag (or one the database collates as the same) won
            if (dao.followsTag(viewer.accountId(), key) == 0) {
                throw e;
            }
        }
        return key;
    }

    /**
     * Unfollows a tag (nothing happens when the viewer did not follow it).
     *
     * @param viewer the signed-in viewer
     * @param tag    the tag as typed
     * @return the tag's normalised form
     * @throws HttpError 400 when it is not a tag
     */
    public String unfollow(Viewer viewer, String tag) {
        String key = key(tag);
        if (dao.unfollowTag(viewer.accountId(), key) > 0) {
            timelines.tagsChanged(viewer.accountId());
        }
        return key;
    }

    /**
     * Whether the viewer follows a tag.
     *
     * @param viewer the viewer
     * @param tag    the tag as typed
     * @return true when they do
     * @throws HttpError 400 when it is not a tag
     */
    public boolean follows(Viewer viewer, String tag) {
        return dao.followsTag(viewer.accountId(), key(tag)) > 0;
    }

    /**
     * The tags the viewer follows, alphabetically (at most {@value Feeds#MAX_FOLLOWED_TAGS}).
     *
     * @param viewer the viewer
     * @return the tags and when each was followed
     */
    public List<FeedDao.FollowedTag> followed(Viewer viewer) {
        return dao.followedTags(viewer.accountId(), Feeds.MAX_FOLLOWED_TAGS);
    }

    /**
     * A tag's normalised form.
     *
     * @param tag the tag as typed or taken from a URL
     * @return its key
     * @throws HttpError 400 when it is not a tag
     */
    public static String key(String tag) {
        // a key longer than its column (NFKC can lengthen a name: ﬃ is ffi) is refused like an invalid name
        return Tags.parse(tag == null ? "" : tag).map(Hashtag::key).filter(k -> k.length() <= Tags.MAX_LENGTH)
                .orElseThrow(() -> new HttpError(400, "That is not a tag: tags are letters, digits and inner"
                        + " underscores, up to " + Tags.MAX_LENGTH + " characters, with at least one letter."));
    }
}
