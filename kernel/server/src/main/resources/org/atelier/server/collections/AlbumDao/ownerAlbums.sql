SELECT al.id FROM albums al
WHERE al.owner_id = :ownerId AND (<albumVisible>)
ORDER BY al.updated_at DESC, al.id DESC
