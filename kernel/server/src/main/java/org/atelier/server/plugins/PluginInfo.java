package org.atelier.server.plugins;

import java.util.List;
import java.util.Optional;

/**
 * A plugin as shown to admins.
 *
 * @param symbolicName    its identity
 * @param name            its human name
 * @param version         its version
 * @param description     what it does
 * @param state           {@code active}, {@code stopped}, {@code failed} or {@code installed}
 * @param extensionPoints the extension points its services provide right now
 * @param bundled         whether it shipped with Atelier
 * @param error           why it failed, when it did
 */
public record PluginInfo(String symbolicName, String name, String version, String description, String state,
                         List<String> extensionPoints, boolean bundled, Optional<String> error) {
}
