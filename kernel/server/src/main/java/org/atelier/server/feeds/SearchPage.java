package org.atelier.server.feeds;

import java.util.List;
import java.util.Optional;

/**
 * A page of search results that are not posts (people, tags).
 *
 * @param items the results
 * @param next  the token of the next page, empty on the last
 * @param <T>   the kind of result
 */
public record SearchPage<T>(List<T> items, Optional<String> next) {
}
