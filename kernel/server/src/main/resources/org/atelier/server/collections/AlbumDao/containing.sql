SELECT al.id FROM albums al JOIN album_posts ap ON ap.album_id = al.id
WHERE al.owner_id = :ownerId AND ap.post_id = :postId
ORDER BY al.updated_at DESC, al.id DESC
