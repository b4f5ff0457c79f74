UPDATE media SET alt_text = :altText WHERE id = :id
