package org.atelier.server.feeds;

import java.util.List;
import org.atelier.server.posts.PostEvents;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.store.Database;
import org.atelier.server.text.Mention;

/**
 * Keeps {@code post_title_words} in step with published posts, for title search: a post's words
 * are written when it is published and rewritten when it is edited; deleting a post deletes them
 * (foreign key). Drafts are never indexed. Thread-safe.
 */
public final class TitleIndex implements PostEvents {
    private final Database database;

    /**
     * Creates the index keeper.
     *
     * @param database the database
     */
    public TitleIndex(Database database) {
        this.database = database;
    }

    @Override
    public void published(PostRecord post, List<Mention> mentions) {
        write(post);
    }

    @Override
    public void edited(PostRecord post, List<Mention> newMentions) {
        write(post);
    }

    private void write(PostRecord post) {
        if (post.publishedAt().isEmpty()) {
            return;
        }
        List<String> words = TitleWords.of(post.title());
        database.jdbi().useTransaction(h -> {
            SearchDao dao = h.attach(SearchDao.class);
            dao.deleteTitleWords(post.id());
            if (!words.isEmpty()) {
                dao.insertTitleWords(post.id(), java.util.stream.IntStream.range(0, words.size()).boxed().toList(), words,
                        post.publishedAt().get());
            }
        });
    }
}
