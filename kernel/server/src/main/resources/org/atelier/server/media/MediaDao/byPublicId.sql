SELECT id, public_id, owner_id, format, width, height, frame_count, original_key, original_bytes, blurhash, alt_text,
       focal_x, focal_y, thumbnail_crop, cover_crop, provenance, created_at, UPPER(state) AS state, progress, error,
       render_revision
FROM media WHERE public_id = :publicId
