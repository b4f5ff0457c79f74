package org.atelier.server.text;

import org.commonmark.node.CustomNode;

/** A hashtag or mention found in a Markdown text node, rendered as a link by the renderer. */
final class EntityNode extends CustomNode {
    private final TextEntity entity;

    EntityNode(TextEntity entity) {
        this.entity = entity;
    }

    TextEntity entity() {
        return entity;
    }
}
