package org.atelier.plugin.api.web;

import java.net.URI;
import java.util.Objects;

/**
 * An ActivityPub object type an extension federates, such as a job posting.
 *
 * @param type     the object's {@code type} as it appears in JSON, for example {@code JobPosting}
 * @param term     the full IRI the type expands to, defined in the extension's documented context
 * @param receiver what the kernel calls when a peer sends such an object
 */
public record FederatedType(String type, URI term, FederatedObjectReceiver receiver) {
    /**
     * Validates the components.
     *
     * @param type     the JSON type name
     * @param term     its IRI
     * @param receiver its receiver
     */
    public FederatedType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(receiver, "receiver");
    }
}
