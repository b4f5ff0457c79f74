package org.atelier.server.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code posts} table and its children. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(PostRecord.class)
public interface PostDao {

    /** The columns written by insert and update. */
    record Row(long id, String publicId, long authorId, String title, String description, String descriptionHtml,
               boolean sensitive, String contentWarning, String licence, String visibility, boolean noAiTraining,
               boolean inPortfolio, boolean pinned, String state, Instant now, Instant publishedAt) {
    }

    /** A post id with the time a list orders it by. */
    record Keyed(long id, Instant at) {
    }

    /** An image's id as attaching sees it. */
    record Attachable(long id, String publicId, String altText) {
    }

    /** A child row: a post's embed link or tag. */
    record Child(long postId, String item) {
    }

    /** @return the new post's id */
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@BindMethods Row row);

    /** Writes every column of a post. */
    @SqlUpdate
    void update(@BindMethods Row row);

    /** Adds an image to a post. */
    @SqlUpdate
    void insertMedia(@Bind("postId") long postId, @Bind("position") int position, @Bind("mediaId") long mediaId);

    /** Adds an embed link to a post. */
    @SqlUpdate
    void insertEmbed(@Bind("postId") long postId, @Bind("position") int position, @Bind("url") String url);

    /** Files a post under a tag. */
    @SqlUpdate
    void insertTag(@Bind("tag") String tag, @Bind("postId") long postId, @Bind("publishedAt") Instant publishedAt);

    /** Detaches all images. */
    @SqlUpdate
    void deleteMedia(@Bind("postId") long postId);

    /** Removes all embed links. */
    @SqlUpdate
    void deleteEmbeds(@Bind("postId") long postId);

    /** Removes all tags. */
    @SqlUpdate
    void deleteTags(@Bind("postId") long postId);

    /** @return rows deleted */
    @SqlUpdate
    int delete(@Bind("id") long id);

    /** @return the post, whatever its state or visibility */
    @SqlQuery
    Optional<PostRecord> byPublicId(@Bind("publicId") String publicId);

    /** @return those of the posts the viewer may see, in no particular order */
    @SqlQuery
    List<PostRecord> visibleByIds(@BindList("ids") Collection<Long> ids, @Bind("viewerId") long viewerId);

    /** @return the viewer's own drafts among the posts */
    @SqlQuery
    List<PostRecord> draftsByIds(@BindList("ids") Collection<Long> ids, @Bind("viewerId") long viewerId);

    /** @return the posts' images in order */
    @SqlQuery
    @RegisterConstructorMapper(PostImage.class)
    List<PostImage> images(@BindList("postIds") Collection<Long> postIds);

    /** @return the images' renditions */
    @SqlQuery
    @RegisterConstructorMapper(PostImage.RenditionSize.class)
    List<PostImage.RenditionSize> renditions(@BindList("mediaIds") Collection<Long> mediaIds);

    /** @return the posts' embed links in order */
    @SqlQuery
    @RegisterConstructorMapper(value = Child.class)
    List<Child> embeds(@BindList("postIds") Collection<Long> postIds);

    /** @return the posts' tags */
    @SqlQuery
    @RegisterConstructorMapper(value = Child.class)
    List<Child> tags(@BindList("postIds") Collection<Long> postIds);

    /** @return the owner's images among those ids that are free to attach to the post (0 for a new one) */
    @SqlQuery
    @RegisterConstructorMapper(Attachable.class)
    List<Attachable> attachableMedia(@Bind("ownerId") long ownerId, @BindList("publicIds") Collection<String> publicIds,
                                     @Bind("postId") long postId);

    /** @return the artist's pinned portfolio posts the viewer may see, newest first */
    @SqlQuery
    List<Long> pinnedPortfolio(@Bind("authorId") long authorId, @Bind("viewerId") long viewerId, @Bind("limit") int limit);

    /** @return one page of the artist's unpinned portfolio posts or other posts, before the cursor */
    @SqlQuery
    @RegisterConstructorMapper(Keyed.class)
    List<Keyed> authorPage(@Bind("authorId") long authorId, @Bind("inPortfolio") boolean inPortfolio,
                           @Bind("viewerId") long viewerId, @Bind("at") Instant at, @Bind("id") long id,
                           @Bind("limit") int limit);

    /** @return how many published posts of the artist the viewer may see */
    @SqlQuery
    long countAuthorPosts(@Bind("authorId") long authorId, @Bind("viewerId") long viewerId);

    /** @return one page of all the artist's published posts the viewer may see, before the cursor */
    @SqlQuery
    @RegisterConstructorMapper(Keyed.class)
    List<Keyed> authorPosts(@Bind("authorId") long authorId, @Bind("viewerId") long viewerId, @Bind("at") Instant at,
                            @Bind("id") long id, @Bind("limit") int limit);

    /** @return one page of the artist's drafts, before the cursor */
    @SqlQuery
    @RegisterConstructorMapper(Keyed.class)
    List<Keyed> drafts(@Bind("authorId") long authorId, @Bind("at") Instant at, @Bind("id") long id,
                       @Bind("limit") int limit);

    /** @return how many other published posts the artist has pinned */
    @SqlQuery
    int countPinned(@Bind("authorId") long authorId, @Bind("postId") long postId);

    /** @return the account's default for "no AI training", if it has a profile row */
    @SqlQuery
    Optional<Boolean> noAiDefault(@Bind("accountId") long accountId);
}
