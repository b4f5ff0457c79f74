INSERT INTO comments (public_id, post_id, author_id, parent_id, root_id, body, body_html, deleted, created_at)
VALUES (:publicId, :postId, :authorId, :parentId, :rootId, :body, :bodyHtml, FALSE, :now)
