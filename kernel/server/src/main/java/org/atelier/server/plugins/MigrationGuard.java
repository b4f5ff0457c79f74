package org.atelier.server.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a web extension's migration before any of it runs: every statement must be one of the
 * kinds a plugin's schema needs — create, alter, rename, truncate and drop its own tables, create
 * and drop its own indexes, and insert, update and delete rows of its own tables — and every table
 * or index it names must carry the extension's prefix. Anything else is refused, as is anything
 * the two databases could read differently (comments inside statements, backslashes in strings,
 * several statements on one line), so that what is checked is what runs.
 *
 * <p>It is a guard against mistakes, not a sandbox: plugin code runs in the kernel's process and
 * could reach the database by other means.
 */
final class MigrationGuard {
    private static final Set<String> UPDATE_ENDS = Set.of("set");
    private static final Set<String> DELETE_ENDS = Set.of("where", "order", "limit", "returning");
    private static final Set<String> RENAME_OF_PARTS = Set.of("column", "index", "key", "constraint");

    private final String prefix;
    private final List<Token> tokens;
    private int at;

    private MigrationGuard(String prefix, List<Token> tokens) {
        this.prefix = prefix;
        this.tokens = tokens;
    }

    /** A word (keyword or bare name), a quoted name, a string literal, or one punctuation character. */
    private record Token(Kind kind, String text) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private enum Kind { WORD, QUOTED, STRING, PUNCT }

    /** Why a statement was refused; the caller adds which migration and what is allowed. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Checks one statement, as {@link PluginMigrations#statements} split it.
     *
     * @param prefix    the extension's prefix, {@code p_<id>_}
     * @param statement the statement
     * @throws Refused when it is not allowed
     */
    static void check(String prefix, String statement) {
        new MigrationGuard(prefix, tokenize(statement)).statement();
    }

    private void statement() {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = next();
        switch (first.kind() == Kind.WORD ? first.text().toLowerCase(Locale.ROOT) : "") {
            case "create" -> create();
            case "alter" -> alter();
            case "drop" -> drop();
            case "rename" -> rename();
            case "truncate" -> {
                optional("table");
                table();
                end();
            }
            case "insert", "replace" -> {
                while (peekAny("low_priority", "delayed", "high_priority", "ignore")) {
                    next();
                }
                optional("into");
                table();
            }
            case "update" -> update();
            case "delete" -> delete();
            default -> throw refusedKind();
        }
    }

    private void create() {
        if (optional("or")) {
            expect("replace");
        }
        optional("temporary");
        if (optional("table")) {
            ifExists("not");
            table();
            references();
            return;
        }
        while (peekAny("unique", "fulltext", "spatial")) {
            next();
        }
        if (optional("index")) {
            ifExists("not");
            index();
            expect("on");
            table();
            return;
        }
        throw refusedKind();
    }

    private void alter() {
        optional("online");
        optional("ignore");
        if (!optional("table")) {
            throw refusedKind();
        }
        ifExists(null);
        table();
        while (at < tokens.size()) {
            Token token = next();
            if (token.is("rename") && !peekAny(RENAME_OF_PARTS.toArray(String[]::new))) {
                if (!optional("to")) {
                    optional("as");
                }
                table();
            } else if (token.is("references")) {
                table();
            }
        }
    }

    private void drop() {
        optional("temporary");
        if (optional("table")) {
            ifExists(null);
            table();
            while (optional(",")) {
                table();
            }
            if (!optional("restrict")) {
                optional("cascade");
            }
            end();
            return;
        }
        if (optional("index")) {
            ifExists(null);
            index();
            if (optional("on")) {
                table();
            }
            end();
            return;
        }
        throw refusedKind();
    }

    private void rename() {
        if (!optional("table")) {
            throw refusedKind();
        }
        do {
            table();
            expect("to");
            table();
        } while (optional(","));
        end();
    }

    private void update() {
        while (peekAny("low_priority", "ignore")) {
            next();
        }
        table();
        alias(UPDATE_ENDS);
        if (!optional("set")) {
            throw new Refused("an UPDATE may change one table of its own, without joins");
        }
    }

    private void delete() {
        while (peekAny("low_priority", "quick", "ignore")) {
            next();
        }
        if (!optional("from")) {
            throw new Refused("a DELETE may remove rows of one table of its own, without joins");
        }
        table();
        alias(DELETE_ENDS);
        if (at < tokens.size() && !peekAny(DELETE_ENDS.toArray(String[]::new))) {
            throw new Refused("a DELETE may remove rows of one table of its own, without joins");
        }
    }

    /** An optional table alias, which must be followed by one of the given keywords or the end. */
    private void alias(Set<String> ends) {
        if (at >= tokens.size() || peekAny(ends.toArray(String[]::new))) {
            return;
        }
        optional("as");
        Token alias = next();
        if (!alias.isName()) {
            throw new Refused("a table of its own, without joins, was expected before '" + alias.text() + "'");
        }
    }

    /** After REFERENCES anywhere in the rest of the statement, the table must be the extension's. */
    private void references() {
        while (at < tokens.size()) {
            if (next().is("references")) {
                table();
            }
        }
    }

    private void ifExists(String not) {
        if (optional("if")) {
            if (not != null) {
                expect(not);
            }
            expect("exists");
        }
    }

    private void table() {
        String name = name("table");
        if (!name.startsWith(prefix)) {
            throw new Refused("it touches table '" + name + "'");
        }
    }

    private void index() {
        String name = name("index");
        if (!name.startsWith(prefix)) {
            throw new Refused("it names index '" + name + "'");
        }
    }

    private String name(String what) {
        if (at >= tokens.size()) {
            throw new Refused("a " + what + " name is missing");
        }
        Token token = next();
        if (!token.isName()) {
            throw new Refused("a " + what + " name was expected, not '" + token.text() + "'");
        }
        if (at < tokens.size() && tokens.get(at).kind() == Kind.PUNCT && tokens.get(at).text().equals(".")) {
            throw new Refused("it names " + what + " '" + token.text() + "." + (at + 1 < tokens.size()
                    ? tokens.get(at + 1).text() : "") + "' in another schema");
        }
        return token.text().toLowerCase(Locale.ROOT);
    }

    private Refused refusedKind() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < Math.min(3, tokens.size()); i++) {
            words.append(i == 0 ? "" : " ").append(tokens.get(i).text());
        }
        return new Refused("'" + words.toString().toUpperCase(Locale.ROOT) + " …' is not a statement a plugin's "
                + "migration may run");
    }

    private Token next() {
        if (at >= tokens.size()) {
            throw new Refused("the statement ends too early");
        }
        return tokens.get(at++);
    }

    private boolean optional(String keywordOrPunct) {
        if (at < tokens.size()) {
            Token token = tokens.get(at);
            boolean match = token.kind() == Kind.PUNCT ? token.text().equals(keywordOrPunct) : token.is(keywordOrPunct);
            if (match) {
                at++;
                return true;
            }
        }
        return false;
    }

    private boolean peekAny(String... keywords) {
        if (at >= tokens.size()) {
            return false;
        }
        for (String keyword : keywords) {
            if (tokens.get(at).is(keyword)) {
                return true;
            }
        }
        return false;
    }

    private void expect(String keyword) {
        if (!optional(keyword)) {
            throw new Refused("'" + keyword.toUpperCase(Locale.ROOT) + "' was expected"
                    + (at < tokens.size() ? " before '" + tokens.get(at).text() + "'" : " at the end"));
        }
    }

    private void end() {
        if (at < tokens.size()) {
            throw new Refused("unexpected '" + tokens.get(at).text() + "'");
        }
    }

    /**
     * Splits a statement into tokens, refusing what H2 and MariaDB could read differently or what
     * would hide text from the check.
     */
    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                if (i + 2 < n && sql.charAt(i + 2) != ' ' && sql.charAt(i + 2) != '\t'
                        && sql.charAt(i + 2) != '\n' && sql.charAt(i + 2) != '\r') {
                    throw new Refused("'--' must be followed by a space to start a comment");
                }
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '#') {
                throw new Refused("'#' comments are read differently by H2 and MariaDB; use '-- '");
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                throw new Refused("block comments (/* … */) are not allowed in migrations; use '-- '");
            } else if (c == ';') {
                throw new Refused("one statement per line-ending semicolon");
            } else if (c == '$' || c == '\\') {
                throw new Refused("'" + c + "' is read differently by H2 and MariaDB");
            } else if (c == '\'') {
                int end = i + 1;
                StringBuilder text = new StringBuilder();
                while (true) {
                    if (end >= n) {
                        throw new Refused("a string is not closed");
                    }
                    char d = sql.charAt(end);
                    if (d == '\\') {
                        throw new Refused("backslashes in strings are read differently by H2 and MariaDB");
                    }
                    if (d == '\'') {
                        if (end + 1 < n && sql.charAt(end + 1) == '\'') {
                            text.append('\'');
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    end++;
                }
                tokens.add(new Token(Kind.STRING, text.toString()));
                i = end + 1;
            } else if (c == '`' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new Refused("a quoted name is not closed");
                }
                String name = sql.substring(i + 1, end);
                if (name.isEmpty() || name.chars().anyMatch(ch -> ch == '`' || ch == '"' || ch == '\\' || ch < 0x20)) {
                    throw new Refused("invalid quoted name " + c + name + c);
                }
                tokens.add(new Token(Kind.QUOTED, name));
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end)));
                i = end;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }
}
