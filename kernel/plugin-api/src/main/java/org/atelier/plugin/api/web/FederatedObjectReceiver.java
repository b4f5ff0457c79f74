package org.atelier.plugin.api.web;

import java.net.URI;
import java.util.Map;

/**
 * Receives federated objects of a {@link FederatedType}, after the kernel verified the sender's
 * signature and checked that the object's id belongs to the sender's host.
 */
@FunctionalInterface
public interface FederatedObjectReceiver {

    /** What happened to the object. */
    enum Operation {
        /** A new object. */
        CREATE,
        /** A changed object. */
        UPDATE,
        /** A removed object. */
        DELETE
    }

    /**
     * Handles one received object. The map is the object as sent (compacted JSON); treat every
     * value as hostile input.
     *
     * @param operation what happened
     * @param actor     the id of the actor that sent it
     * @param object    the object, parsed into maps, lists and scalars
     * @param database  the extension's database access
     */
    void receive(Operation operation, URI actor, Map<String, Object> object, PluginDatabase database);
}
