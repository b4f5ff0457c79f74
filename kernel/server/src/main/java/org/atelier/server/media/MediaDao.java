package org.atelier.server.media;

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

/**
 * The {@code media} and {@code media_renditions} tables. SQL beside this interface.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(MediaRecord.class)
@RegisterConstructorMapper(RenditionRecord.class)
public interface MediaDao {

    /** @return the new media row's id; it starts {@code processing} at progress 0 */
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId, @Bind("format") String format,
                @Bind("width") int width, @Bind("height") int height, @Bind("frameCount") int frameCount,
                @Bind("originalKey") String originalKey, @Bind("originalBytes") long originalBytes,
                @Bind("altText") String altText, @Bind("focalX") double focalX, @Bind("focalY") double focalY,
                @Bind("thumbnailCrop") String thumbnailCrop, @Bind("coverCrop") String coverCrop,
                @Bind("createdAt") Instant createdAt);

    /** @return the media with that internal id */
    @SqlQuery
    Optional<MediaRecord> byId(@Bind("id") long id);

    /** Raises the progress of a render that is still current; @return rows changed (0 or 1) */
    @SqlUpdate
    int progress(@Bind("id") long id, @Bind("revision") int revision, @Bind("progress") int progress);

    /** Records a finished render if it is still current; @return rows changed (0 or 1) */
    @SqlUpdate
    int ready(@Bind("id") long id, @Bind("revision") int revision, @Bind("width") int width,
              @Bind("height") int height, @Bind("frameCount") int frameCount, @Bind("blurhash") String blurhash,
              @Bind("provenance") String provenance);

    /** Records a refused first render (the original's key is cleared); @return rows changed (0 or 1) */
    @SqlUpdate
    int failed(@Bind("id") long id, @Bind("revision") int revision, @Bind("error") String error);

    /** Records a refused re-crop: ready again with the previous renditions; @return rows changed (0 or 1) */
    @SqlUpdate
    int reframeRefused(@Bind("id") long id, @Bind("revision") int revision, @Bind("error") String error);

    /** Moves the updated_at of the post holding this image (see touchPost.sql). */
    @SqlUpdate
    void touchPost(@Bind("id") long id, @Bind("now") java.time.Instant now);

    /** Changes the alt text. */
    @SqlUpdate
    void updateAlt(@Bind("id") long id, @Bind("altText") String altText);

    /** Changes the framing and sends the image back to processing; @return 0 if it failed before */
    @SqlUpdate
    int reframe(@Bind("id") long id, @Bind("focalX") double focalX, @Bind("focalY") double focalY,
                @Bind("thumbnailCrop") String thumbnailCrop, @Bind("coverCrop") String coverCrop);

    /** Removes the named renditions of an image (before they are replaced). */
    @SqlUpdate
    void deleteRenditions(@Bind("mediaId") long mediaId, @BindList("names") Collection<String> names);

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
