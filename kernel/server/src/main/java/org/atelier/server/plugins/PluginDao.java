package org.atelier.server.plugins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code plugins} table. SQL beside this interface, one file per method.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(PluginRecord.class)
public interface PluginDao {

    /**
     * Every installed plugin.
     *
     * @return the records, by symbolic name
     */
    @SqlQuery
    List<PluginRecord> all();

    /**
     * One plugin.
     *
     * @param symbolicName its symbolic name
     * @return the record
     */
    @SqlQuery
    Optional<PluginRecord> find(@Bind("symbolicName") String symbolicName);

    /**
     * Records a new installation.
     *
     * @param plugin the record
     */
    @SqlUpdate
    void insert(@BindMethods PluginRecord plugin);

    /**
     * Records a new jar for an installed plugin.
     *
     * @param symbolicName the plugin
     * @param version      the new version
     * @param jarSha256    the new jar's hash
     * @param updatedAt    when
     * @return rows changed
     */
    @SqlUpdate
    int updateJar(@Bind("symbolicName") String symbolicName, @Bind("version") String version,
                  @Bind("jarSha256") String jarSha256, @Bind("updatedAt") Instant updatedAt);

    /**
     * Records the state the admin asked for.
     *
     * @param symbolicName the plugin
     * @param desiredState STARTED or STOPPED
     * @param updatedAt    when
     * @return rows changed
     */
    @SqlUpdate
    int updateDesiredState(@Bind("symbolicName") String symbolicName, @Bind("desiredState") String desiredState,
                           @Bind("updatedAt") Instant updatedAt);

    /**
     * Forgets an uninstalled plugin (its tables are kept).
     *
     * @param symbolicName the plugin
     * @return rows changed
     */
    @SqlUpdate
    int delete(@Bind("symbolicName") String symbolicName);
}
