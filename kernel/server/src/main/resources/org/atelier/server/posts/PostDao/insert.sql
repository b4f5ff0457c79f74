INSERT INTO posts (public_id, author_id, title, description, description_html, is_sensitive, content_warning, licence,
                   visibility, no_ai_training, in_portfolio, pinned, state, created_at, updated_at, published_at)
VALUES (:publicId, :authorId, :title, :description, :descriptionHtml, :sensitive, :contentWarning, :licence,
        :visibility, :noAiTraining, :inPortfolio, :pinned, :state, :now, :now, :publishedAt)
