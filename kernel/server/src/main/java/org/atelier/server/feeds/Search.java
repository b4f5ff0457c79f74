package org.atelier.server.feeds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.PostDao;
import org.atelier.server.posts.Posts;
import org.atelier.server.http.HttpError;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;

/**
 * Search for people (active accounts whose username or display name contains the query), tags
 * (that public posts use, by prefix, with counts) and posts (public posts whose titles hold every
 * query word). Runs the same on H2 and MariaDB: plain {@code LIKE} with the user's wildcards
 * escaped for people and tags — a scan of the accounts table for "contains", which is fast at tens
 * of thousands of accounts, and an index range for tag prefixes — and the title-word index
 * ({@link TitleIndex}) for posts. Every list is keyset-paginated. Thread-safe.
 */
public final class Search {
    /** Longest query, in characters. */
    public static final int MAX_QUERY = 100;
    /** Most title words a post search uses (the longest ones). */
    public static final int MAX_WORDS = 4;
    private static final char ESCAPE = '!';
    private static final Base64.Encoder TOKENS = Base64.getUrlEncoder().withoutPadding();

    private final SearchDao dao;
    private final Posts posts;

    /**
     * Creates the search.
     *
     * @param database the database
     * @param posts    the posts, which load found posts as the viewer may see them
     */
    public Search(Database database, Posts posts) {
        this.dao = database.jdbi().onDemand(SearchDao.class);
        this.posts = posts;
    }

    /**
     * People whose username or display name contains the query, alphabetically by username;
     * active accounts only, and none blocked either way with the viewer.
     *
     * @param viewer who asks, empty when signed out
     * @param q      the query as typed
     * @param after  the previous page's {@code next} token, empty for the first page
     * @param limit  page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page
     * @throws HttpError 400 for an empty or too long query, a page size out of range or a bad token
     */
    public SearchPage<SearchDao.Person> people(Optional<Viewer> viewer, String q, Optional<String> after, int limit) {
        String contains = "%" + escapeLike(query(q).toLowerCase(Locale.ROOT)) + "%";
        return named(dao.people(Feeds.viewerId(viewer), contains, position(after), Feeds.pageSize(limit)), limit,
                SearchDao.Person::username);
    }

    /**
     * Tags that public posts use, starting with the query (a leading {@code #} is ignored),
     * alphabetically, with how many public posts use each.
     *
     * @param q     the query as typed
     * @param after the previous page's {@code next} token, empty for the first page
     * @param limit page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page
     * @throws HttpError 400 for an empty or too long query, a page size out of range or a bad token
     */
    public SearchPage<SearchDao.TagCount> tags(String q, Optional<String> after, int limit) {
        String text = query(q);
        if (text.startsWith("#") || text.startsWith("\uFF03")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new HttpError(400, "Type the beginning of a tag to search for.");
        }
        String prefix = escapeLike(TitleWords.fold(text)) + "%";
        return named(dao.tags(prefix, position(after), Feeds.pageSize(limit)), limit, SearchDao.TagCount::name);
    }

    /**
     * Public posts whose titles hold every word of the query (its {@value #MAX_WORDS} longest
     * words; whole words, folded like tags), newest first, as the viewer may see them.
     *
     * @param viewer who asks, empty when signed out
     * @param q      the query as typed
     * @param cursor where the previous page ended
     * @param limit  page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page; empty when the query has no words
     * @throws HttpError 400 for an empty or too long query, or a page size out of range
     */
    public Posts.Page posts(Optional<Viewer> viewer, String q, Cursor cursor, int limit) {
        List<String> words = new ArrayList<>(TitleWords.of(query(q)));
        int size = Feeds.pageSize(limit);
        if (words.isEmpty()) {
            return new Posts.Page(List.of(), Optional.empty());
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        while (words.size() < MAX_WORDS) {
            words.add("");
        }
        List<PostDao.Keyed> rows = dao.posts(Feeds.viewerId(viewer), words.get(0), words.get(1), words.get(2),
                words.get(3), cursor.at(), cursor.id(), size);
        return posts.page(viewer, List.of(), rows, limit);
    }

    /** The query, stripped of surrounding space and control characters, or a 400. */
    private static String query(String q) {
        String text = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
        if (text.isEmpty()) {
            throw new HttpError(400, "Type something to search for.");
        }
        if (text.length() > MAX_QUERY) {
            throw new HttpError(400, "A search is at most " + MAX_QUERY + " characters.");
        }
        return text;
    }

    /** Text to match literally inside a LIKE pattern escaped with {@link #ESCAPE}. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A name position: the last name a page showed. */
    private static String position(Optional<String> token) {
        if (token.isEmpty() || token.get().isEmpty()) {
            return "";
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (!name.isEmpty() && name.length() <= 200) {
                return name;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new HttpError(400, "That page position is not valid; start again from the first page.");
    }

    private static <T> SearchPage<T> named(List<T> rows, int limit, Function<T, String> name) {
        Optional<String> next = rows.size() > limit
                ? Optional.of(TOKENS.encodeToString(name.apply(rows.get(limit - 1)).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new SearchPage<>(List.copyOf(rows.subList(0, Math.min(limit, rows.size()))), next);
    }
}
