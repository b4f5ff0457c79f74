package org.atelier.server.web;

import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.profiles.Profile;

/**
 * Something an artist's page shows for its viewer beyond the profile itself (follow, block and
 * mute controls), so that the profile pages do not need to know each feature.
 */
@FunctionalInterface
public interface ProfileControls {

    /**
     * The template values this feature adds to an artist's page.
     *
     * @param viewer  who looks, empty when signed out
     * @param profile the artist shown
     * @return values merged into the page's model
     */
    Map<String, Object> controls(Optional<Viewer> viewer, Profile profile);
}
