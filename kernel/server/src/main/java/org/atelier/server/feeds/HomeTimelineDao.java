package org.atelier.server.feeds;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.store.Cursor;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The materialised home timelines (V8). SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface HomeTimelineDao {

    /**
     * One entry of a page.
     *
     * @param post             the post's row, which the viewer may see
     * @param entryAt          the entry's time
     * @param reposterUsername who reposted it, when the entry is a repost, else null
     * @param reposterName     their display name, else null
     */
    record Entry(@Nested PostRecord post, Instant entryAt, String reposterUsername, String reposterName) {
        long postId() {
            return post.id();
        }
    }

    /**
     * Where a viewer's timeline stands.
     *
     * @param ready     built (else being built)
     * @param complete  complete to the beginning
     * @param startedAt when its build began
     */
    record State(boolean ready, boolean complete, Instant startedAt) {
    }

    @SqlQuery
    @RegisterConstructorMapper(Entry.class)
    List<Entry> page(@Bind("viewerId") long viewerId, @Bind("at") Instant at, @Bind("id") long id,
                     @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(State.class)
    Optional<State> state(@Bind("viewerId") long viewerId);

    @SqlUpdate
    int dropAbandoned(@Bind("viewerId") long viewerId, @Bind("before") Instant before);

    @SqlUpdate
    int begin(@Bind("viewerId") long viewerId, @Bind("generation") long generation, @Bind("now") Instant now);

    @SqlUpdate
    int finish(@Bind("viewerId") long viewerId, @Bind("generation") long generation, @Bind("sinceAt") Instant sinceAt,
               @Bind("sinceId") long sinceId);

    @SqlUpdate
    int dropTimelines(@BindList("viewers") Collection<Long> viewers);

    @SqlUpdate
    int dropEntries(@BindList("viewers") Collection<Long> viewers);

    @SqlUpdate
    int fanOutToAuthor(@Bind("postId") long postId);

    @SqlUpdate
    int fanOutToFollowers(@Bind("postId") long postId);

    @SqlUpdate
    int fanOutToTagFollowers(@Bind("postId") long postId);

    @SqlUpdate
    int dropPublicationEntries(@Bind("postId") long postId);

    @SqlUpdate
    int raiseForReposterFollowers(@Bind("postId") long postId, @Bind("authorId") long authorId,
                                  @Bind("reposterId") long reposterId, @Bind("at") Instant at);

    @SqlUpdate
    int fanOutRepost(@Bind("postId") long postId, @Bind("authorId") long authorId, @Bind("reposterId") long reposterId,
                     @Bind("at") Instant at);

    @SqlQuery
    List<Long> crowded(@Bind("most") int most);

    @SqlQuery
    @RegisterConstructorMapper(Cursor.class)
    Optional<Cursor> entryAt(@Bind("viewerId") long viewerId, @Bind("below") int below);

    @SqlQuery
    @RegisterConstructorMapper(Cursor.class)
    Optional<Cursor> since(@Bind("viewerId") long viewerId);

    @SqlUpdate
    int raiseSince(@Bind("viewerId") long viewerId, @Bind("at") Instant at, @Bind("id") long id);

    @SqlUpdate
    int dropBelow(@Bind("viewerId") long viewerId, @Bind("at") Instant at, @Bind("id") long id);

    @SqlQuery
    List<Long> holdersOfRepost(@Bind("postId") long postId, @Bind("reposterId") long reposterId);
}
