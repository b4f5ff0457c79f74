UPDATE posts SET title = :title, description = :description, description_html = :descriptionHtml,
                 is_sensitive = :sensitive, content_warning = :contentWarning, licence = :licence,
                 visibility = :visibility, no_ai_training = :noAiTraining, in_portfolio = :inPortfolio,
                 pinned = :pinned, state = :state, updated_at = :now, published_at = :publishedAt
WHERE id = :id
