package org.atelier.server.feeds;

import java.time.Instant;
import java.util.List;
import org.atelier.server.posts.PostDao;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Search and the title-word index it reads. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
public interface SearchDao {

    /**
     * A person found.
     *
     * @param username    their username
     * @param displayName their display name
     */
    record Person(String username, String displayName) {
    }

    /**
     * A tag found.
     *
     * @param name  the tag (normalised)
     * @param posts how many public posts use it
     */
    record TagCount(String name, long posts) {
    }

    /** Removes a post's title words. */
    @SqlUpdate
    void deleteTitleWords(@Bind("postId") long postId);

    /** Writes a post's title words, one row each. */
    @SqlBatch
    void insertTitleWords(@Bind("postId") long postId, @Bind("position") List<Integer> positions,
                          @Bind("word") List<String> words, @Bind("publishedAt") Instant publishedAt);

    /** @return active people whose username or display name contains the pattern */
    @SqlQuery
    @RegisterConstructorMapper(Person.class)
    List<Person> people(@Bind("viewerId") long viewerId, @Bind("contains") String contains,
                        @Bind("after") String after, @Bind("limit") int limit);

    /** @return tags of public posts starting with the prefix, with their counts */
    @SqlQuery
    @RegisterConstructorMapper(TagCount.class)
    List<TagCount> tags(@Bind("prefix") String prefix, @Bind("after") String after, @Bind("limit") int limit);

    /** @return public posts whose titles hold the words (empty ones ignored), newest first */
    @SqlQuery
    @RegisterConstructorMapper(PostDao.Keyed.class)
    List<PostDao.Keyed> posts(@Bind("viewerId") long viewerId, @Bind("w0") String w0, @Bind("w1") String w1,
                              @Bind("w2") String w2, @Bind("w3") String w3, @Bind("at") Instant at,
                              @Bind("id") long id, @Bind("limit") int limit);
}
