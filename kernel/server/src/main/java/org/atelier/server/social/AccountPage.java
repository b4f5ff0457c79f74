package org.atelier.server.social;

import java.util.List;
import java.util.Optional;
import org.atelier.server.store.Cursor;

/**
 * A page of an account list, newest first.
 *
 * @param items the accounts
 * @param next  the {@code before=} token of the next page, empty on the last
 */
public record AccountPage(List<AccountEntry> items, Optional<String> next) {

    /**
     * Makes a page from rows fetched one beyond the limit (so the last page is known without a
     * second query).
     *
     * @param rows  up to limit + 1 rows
     * @param limit page size
     * @return the page
     */
    static AccountPage of(List<AccountEntry> rows, int limit) {
        if (rows.size() <= limit) {
            return new AccountPage(List.copyOf(rows), Optional.empty());
        }
        AccountEntry last = rows.get(limit - 1);
        return new AccountPage(List.copyOf(rows.subList(0, limit)), Optional.of(new Cursor(last.at(), last.id()).token()));
    }
}
