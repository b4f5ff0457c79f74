<commentRow> WHERE c.public_id = :publicId
