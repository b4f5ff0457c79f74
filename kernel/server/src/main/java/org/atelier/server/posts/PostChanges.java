package org.atelier.server.posts;

import java.util.List;
import java.util.Optional;

/**
 * What a create or edit sets; an empty field keeps its value (or takes the default on create).
 * Values are hostile until {@link Posts} checked them.
 *
 * @param title          title
 * @param description    Markdown description
 * @param tags           tags typed in the tag field (the description's own #tags are added)
 * @param media          the images' public ids, in order (replaces the list: add, remove, reorder)
 * @param embeds         video / 3D links, in order
 * @param sensitive      behind a content warning
 * @param contentWarning the warning
 * @param licence        licence key
 * @param visibility     visibility key
 * @param noAiTraining   the "no AI training" choice
 * @param inPortfolio    shown in the portfolio
 * @param pinned         pinned to the portfolio's top
 */
public record PostChanges(Optional<String> title, Optional<String> description, Optional<List<String>> tags,
                          Optional<List<String>> media, Optional<List<String>> embeds, Optional<Boolean> sensitive,
                          Optional<String> contentWarning, Optional<String> licence, Optional<String> visibility,
                          Optional<Boolean> noAiTraining, Optional<Boolean> inPortfolio, Optional<Boolean> pinned) {

    /** @return changes that change nothing */
    public static PostChanges none() {
        return new PostChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
