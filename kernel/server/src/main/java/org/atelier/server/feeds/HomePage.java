package org.atelier.server.feeds;

import java.util.List;
import java.util.Optional;

/**
 * A page of a home feed.
 *
 * @param entries  the entries in the order to show them (the ranker's)
 * @param next     the {@code before=} token of the next page, empty on the last; it follows the
 *                 newest-first window the page was cut from, whatever order the ranker chose
 * @param rankedBy the id of the ranker whose order this is ({@value ReverseChronological#ID} for
 *                 the kernel's own)
 */
public record HomePage(List<HomeEntry> entries, Optional<String> next, String rankedBy) {
}
