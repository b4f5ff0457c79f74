package org.atelier.server.feeds;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.posts.PostDao;
import org.atelier.server.posts.PostRecord;
import org.jdbi.v3.core.mapper.Nested;
import org.atelier.server.store.Cursor;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the feeds read and the tag follows and scores they write. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
public interface FeedDao {

    /**
     * One row of one home-feed source.
     *
     * @param src    which source: 0 own posts, 1 followed accounts, 2 their reposts, 3 and up followed tags
     * @param postId the post
     * @param at     the entry's time in that source
     * @param repost whether it is a repost entry
     * @param shown  whether the viewer may see the post and has not muted its author
     */
    record SourceRow(int src, long postId, Instant at, boolean repost, boolean shown) {
        /** @return the entry's keyset position */
        public Cursor key() {
            return new Cursor(at, postId);
        }
    }

    /**
     * A repost of a post by an account the viewer follows.
     *
     * @param postId      the post
     * @param at          when it was reposted
     * @param accountId   who reposted it
     * @param username    their username
     * @param displayName their display name
     */
    record FolloweeRepost(long postId, Instant at, long accountId, String username, String displayName) {
    }

    /**
     * One member of a viewer's network (see network.sql).
     *
     * @param kind      {@code followee}, {@code tag} or {@code silenced}
     * @param accountId the account, for followees and silenced accounts
     * @param tag       the tag, for followed tags
     */
    record NetworkRow(String kind, long accountId, String tag) {
    }

    /**
     * A followed tag.
     *
     * @param tag       the tag (normalised)
     * @param createdAt when the viewer followed it
     */
    record FollowedTag(String tag, Instant createdAt) {
    }

    /**
     * What a post's popularity is computed from.
     *
     * @param id          the post
     * @param likes       its likes
     * @param reposts     its reposts
     * @param comments    its comments
     * @param publishedAt when it was published
     * @param popularity  the score stored now
     */
    record Counts(long id, int likes, int reposts, int comments, Instant publishedAt, long popularity) {
    }

    /** @return the accounts and tags the viewer follows and the accounts silenced for them */
    @SqlQuery
    @RegisterConstructorMapper(NetworkRow.class)
    List<NetworkRow> network(@Bind("viewerId") long viewerId);

    /**
     * Rows of some home sources (see homeSources.sql).
     *
     * @param viewerId the viewer
     * @param limit    rows per source
     * @param silenced the accounts muted by the viewer or blocked either way, and 0
     * @param sources  the sources to read, each a copy of its file, numbered
     * @param cursors  each source's cursor ({@code at<n>}, {@code id<n>}) and tag ({@code tag<n>})
     * @return the rows
     */
    @SqlQuery
    @RegisterConstructorMapper(SourceRow.class)
    List<SourceRow> homeSources(@Bind("viewerId") long viewerId, @Bind("limit") int limit,
                                @BindList("silenced") Collection<Long> silenced, @Define("sources") String sources,
                                @BindMap Map<String, Object> cursors);

    /** @return the reposts of these posts by accounts the viewer follows, silenced ones left out */
    @SqlQuery
    @RegisterConstructorMapper(FolloweeRepost.class)
    List<FolloweeRepost> followeeReposts(@Bind("viewerId") long viewerId, @BindList("postIds") Collection<Long> postIds,
                                         @BindList("silenced") Collection<Long> silenced);

    /** @return the account's followed tags, alphabetically */
    @SqlQuery
    @RegisterConstructorMapper(FollowedTag.class)
    List<FollowedTag> followedTags(@Bind("accountId") long accountId, @Bind("limit") int limit);

    /** @return 1 when the account follows the tag, else 0 */
    @SqlQuery
    int followsTag(@Bind("accountId") long accountId, @Bind("tag") String tag);

    /** @return how many tags the account follows */
    @SqlQuery
    int countFollowedTags(@Bind("accountId") long accountId);

    /** Follows a tag. */
    @SqlUpdate
    void followTag(@Bind("accountId") long accountId, @Bind("tag") String tag, @Bind("createdAt") Instant createdAt);

    /** @return rows deleted */
    @SqlUpdate
    int unfollowTag(@Bind("accountId") long accountId, @Bind("tag") String tag);

    /**
     * A post's row with its position in a list.
     *
     * @param post    the row
     * @param sortKey its position: the popularity score
     */
    record ScoredPost(@Nested PostRecord post, long sortKey) {
    }

    /** @return the accounts the viewer muted, or that are blocked either way with them */
    @SqlQuery
    List<Long> silenced(@Bind("viewerId") long viewerId);

    /** @return one page of explore, newest first, the rows whole */
    @SqlQuery
    @RegisterConstructorMapper(PostRecord.class)
    List<PostRecord> exploreRecent(@Bind("viewerId") long viewerId, @Bind("at") Instant at, @Bind("id") long id,
                                      @Bind("limit") int limit);

    /** @return one page of explore, most popular first, the rows whole */
    @SqlQuery
    @RegisterConstructorMapper(ScoredPost.class)
    List<ScoredPost> explorePopular(@Bind("viewerId") long viewerId, @Bind("score") long score, @Bind("id") long id,
                                @Bind("limit") int limit);

    /** @return one page of a tag, newest first */
    @SqlQuery
    @RegisterConstructorMapper(PostDao.Keyed.class)
    List<PostDao.Keyed> tagPage(@Bind("viewerId") long viewerId, @Bind("tag") String tag, @Bind("at") Instant at,
                                @Bind("id") long id, @Bind("limit") int limit);

    /** @return a published post's counts */
    @SqlQuery
    @RegisterConstructorMapper(Counts.class)
    Optional<Counts> countsOf(@Bind("id") long id);

    /** @return the counts of public posts published since then */
    @SqlQuery
    @RegisterConstructorMapper(Counts.class)
    List<Counts> publishedSince(@Bind("since") Instant since);

    /** Stores a post's popularity. */
    @SqlUpdate
    void setPopularity(@Bind("id") long id, @Bind("score") long score);
}
