SELECT id, public_id, owner_id, format, width, height, frame_count, original_key, original_bytes, blurhash, alt_text, focal_x, focal_y, provenance, created_at FROM media WHERE public_id = :publicId
