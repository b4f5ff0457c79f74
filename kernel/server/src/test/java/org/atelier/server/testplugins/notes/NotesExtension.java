package org.atelier.server.testplugins.notes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.PluginException;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Migration;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebRequest;
import org.atelier.plugin.api.web.WebResponse;

/** Notes in {@code p_notes_notes}: created by migration 1, given an author column by migration 2. */
public final class NotesExtension implements WebExtension {
    @Override
    public String id() {
        return "notes";
    }

    @Override
    public List<Migration> migrations() {
        return List.of(
                new Migration(2, "notes have authors",
                        "ALTER TABLE p_notes_notes ADD COLUMN author VARCHAR(64) NULL;\n"
                                + "CREATE INDEX p_notes_notes_author ON p_notes_notes (author);\n"),
                new Migration(1, "notes",
                        "-- one note per row\n"
                                + "CREATE TABLE p_notes_notes (\n"
                                + "  id BIGINT AUTO_INCREMENT PRIMARY KEY,\n"
                                + "  body VARCHAR(500) NOT NULL\n"
                                + ");\n"
                                + "INSERT INTO p_notes_notes (body) VALUES ('seeded by migration 1; not an UPDATE accounts');\n"));
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/x-notes", Access.PUBLIC, NotesExtension::add),
                Route.get("/x-notes", Access.PUBLIC, NotesExtension::list));
    }

    private static WebResponse add(WebRequest request) {
        Map<String, Object> body = request.jsonBody().orElseThrow(() -> new PluginException("send a JSON object"));
        String text = String.valueOf(body.get("body"));
        String author = String.valueOf(body.get("author"));
        String table = request.database().tablePrefix() + "notes";
        long count = request.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (body, author) VALUES (?, ?)")) {
                insert.setString(1, text);
                insert.setString(2, author);
                insert.executeUpdate();
            }
            try (PreparedStatement count1 = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                 ResultSet rs = count1.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return WebResponse.json(201, Map.of("count", count));
    }

    private static WebResponse list(WebRequest request) {
        String table = request.database().tablePrefix() + "notes";
        List<Map<String, Object>> notes = request.database().inTransaction(connection -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, body, author FROM " + table + " ORDER BY id");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("id", rs.getLong(1));
                    note.put("body", rs.getString(2));
                    note.put("author", rs.getString(3));
                    out.add(note);
                }
            }
            return out;
        });
        return WebResponse.json(Map.of("notes", notes));
    }
}
