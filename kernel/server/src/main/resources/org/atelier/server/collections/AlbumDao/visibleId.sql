SELECT al.id FROM albums al WHERE al.public_id = :publicId AND (<albumVisible>)
