package org.atelier.server.collections;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code albums} and {@code album_posts} tables. SQL beside this interface, one file per
 * method. Methods named {@code lock…} take a row lock: call them inside a transaction.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AlbumRecord.class)
public interface AlbumDao {

    /**
     * A post's place in an album.
     *
     * @param postId          the post
     * @param publicId        the post's public id
     * @param position        its position (ascending is the owner's order)
     * @param visibleToViewer whether the viewer the query was asked for may see it
     */
    record Slot(long postId, String publicId, int position, boolean visibleToViewer) {
    }

    /**
     * What a viewer sees of an album's posts.
     *
     * @param albumId      the album
     * @param firstPostId  the first post the viewer may see
     * @param visibleCount how many the viewer may see
     */
    record Seen(long albumId, long firstPostId, int visibleCount) {
    }

    /** @return the new album's id */
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId, @Bind("title") String title,
                @Bind("description") String description, @Bind("visibility") String visibility,
                @Bind("now") Instant now);

    /** Locks the account's row, so that two albums created at once cannot both pass the limit. */
    @SqlQuery
    Optional<Long> lockAccount(@Bind("accountId") long accountId);

    /** @return how many albums the account has */
    @SqlQuery
    int countOwned(@Bind("ownerId") long ownerId);

    /** @return the id of the owner's album, its row locked until the transaction ends */
    @SqlQuery
    Optional<Long> lockOwned(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId);

    /** @return the id of the owner's album */
    @SqlQuery
    Optional<Long> ownedId(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId);

    /** @return the id of the album, if the viewer may see it */
    @SqlQuery
    Optional<Long> visibleId(@Bind("publicId") String publicId, @Bind("viewerId") long viewerId);

    /** @return the albums, in no particular order */
    @SqlQuery
    List<AlbumRecord> byIds(@BindList("ids") Collection<Long> ids);

    /** @return the owner's albums the viewer may see, most recently changed first */
    @SqlQuery
    List<Long> ownerAlbums(@Bind("ownerId") long ownerId, @Bind("viewerId") long viewerId);

    /** @return the owner's albums that hold the post, most recently changed first */
    @SqlQuery
    List<Long> containing(@Bind("ownerId") long ownerId, @Bind("postId") long postId);

    /** Marks the album changed now. */
    @SqlUpdate
    void touch(@Bind("id") long id, @Bind("now") Instant now);

    /** Writes an album's own fields. */
    @SqlUpdate
    void update(@Bind("id") long id, @Bind("title") String title, @Bind("description") String description,
                @Bind("visibility") String visibility, @Bind("coverPostId") Long coverPostId, @Bind("now") Instant now);

    /** @return rows deleted: 1 when the owner had the album */
    @SqlUpdate
    int delete(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId);

    /** @return the post with that public id, if it is in the album, and whether the viewer may see it */
    @SqlQuery
    @RegisterConstructorMapper(Slot.class)
    Optional<Slot> member(@Bind("albumId") long albumId, @Bind("postPublicId") String postPublicId,
                          @Bind("viewerId") long viewerId);

    /** @return how many posts the album holds */
    @SqlQuery
    int countPosts(@Bind("albumId") long albumId);

    /** @return 1 when the post is in the album, else 0 */
    @SqlQuery
    int contains(@Bind("albumId") long albumId, @Bind("postId") long postId);

    /** @return the highest position in the album, -1 when empty */
    @SqlQuery
    int lastPosition(@Bind("albumId") long albumId);

    /** Puts a post in the album at a position. */
    @SqlUpdate
    void insertPost(@Bind("albumId") long albumId, @Bind("postId") long postId, @Bind("position") int position,
                    @Bind("now") Instant now);

    /** @return rows deleted */
    @SqlUpdate
    int removePost(@Bind("albumId") long albumId, @Bind("postId") long postId);

    /** Drops the chosen cover when it is that post. */
    @SqlUpdate
    void clearCover(@Bind("albumId") long albumId, @Bind("postId") long postId);

    /** @return every post of the album in order, each marked with whether the viewer may see it */
    @SqlQuery
    @RegisterConstructorMapper(Slot.class)
    List<Slot> slots(@Bind("albumId") long albumId, @Bind("viewerId") long viewerId);

    /** Moves every position below zero, so that new positions can be written without colliding. */
    @SqlUpdate
    void parkPositions(@Bind("albumId") long albumId);

    /** Writes new positions, one row per post. */
    @SqlBatch("setPosition")
    void setPositions(@Bind("albumId") long albumId, @Bind("postId") List<Long> postIds,
                      @Bind("position") List<Integer> positions);

    /** @return one page of the posts the viewer may see, in order, after a position */
    @SqlQuery
    @RegisterConstructorMapper(Slot.class)
    List<Slot> page(@Bind("albumId") long albumId, @Bind("viewerId") long viewerId, @Bind("after") long after,
                    @Bind("limit") int limit);

    /** @return for each album where the viewer sees any post: the first of them and how many */
    @SqlQuery
    @RegisterConstructorMapper(Seen.class)
    List<Seen> seen(@BindList("albumIds") Collection<Long> albumIds, @Bind("viewerId") long viewerId);
}
