package org.atelier.server.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code media} and {@code media_renditions} tables. SQL beside this interface.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(MediaRecord.class)
@RegisterConstructorMapper(RenditionRecord.class)
public interface MediaDao {

    /** @return the new media row's id */
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId, @Bind("format") String format,
                @Bind("width") int width, @Bind("height") int height, @Bind("frameCount") int frameCount,
                @Bind("originalKey") String originalKey, @Bind("originalBytes") long originalBytes,
                @Bind("blurhash") String blurhash, @Bind("altText") String altText, @Bind("focalX") double focalX,
                @Bind("focalY") double focalY, @Bind("thumbnailCrop") String thumbnailCrop,
                @Bind("coverCrop") String coverCrop, @Bind("provenance") String provenance,
                @Bind("createdAt") Instant createdAt);

    /** Stores one rendition row. */
    @SqlUpdate
    void insertRendition(@BindMethods RenditionRecord rendition);

    /** @return the media with that public id */
    @SqlQuery
    Optional<MediaRecord> byPublicId(@Bind("publicId") String publicId);

    /** @return its renditions, by name */
    @SqlQuery
    List<RenditionRecord> renditions(@Bind("mediaId") long mediaId);

    /** @return one rendition of an owner's image, in one query (it runs for every image served) */
    @SqlQuery
    Optional<RenditionRecord> visibleRendition(@Bind("publicId") String publicId, @Bind("name") String name,
                                               @Bind("viewerId") long viewerId);

    /** @return how many media rows exist (tests check that refused uploads store nothing) */
    @SqlQuery
    long count();

    /** @return rows removed */
    @SqlUpdate
    int delete(@Bind("id") long id);

    /** @return how many rows (media originals and renditions) still refer to a content key */
    @SqlQuery
    int references(@Bind("key") String key);
}
