UPDATE notifications SET read_at = :now WHERE recipient_id = :viewerId AND read_at IS NULL AND id <= :upTo
