SELECT p.id, p.public_id, p.author_id, a.username AS author_username, a.display_name AS author_name, p.title, p.description, p.description_html, p.is_sensitive, p.content_warning, p.licence, p.visibility, p.no_ai_training, p.in_portfolio, p.pinned, p.state, p.like_count, p.repost_count, p.comment_count, p.created_at, p.updated_at, p.published_at
FROM posts p JOIN accounts a ON a.id = p.author_id
WHERE p.id IN (<ids>) AND p.author_id = :viewerId
