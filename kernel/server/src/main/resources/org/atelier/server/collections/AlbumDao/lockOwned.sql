-- every change to an album's posts or cover holds this lock first, so appends, removals,
-- reorders and cover choices on one album happen one after the other
SELECT id FROM albums WHERE public_id = :publicId AND owner_id = :ownerId FOR UPDATE
