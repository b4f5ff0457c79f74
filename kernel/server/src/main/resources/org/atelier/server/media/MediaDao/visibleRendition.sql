-- a rendition the viewer may see: their own image, a profile's avatar or banner, or an image of
-- a post the viewer may see (0 as the viewer when signed out)
SELECT r.media_id, r.name, r.media_type, r.width, r.height, r.frame_count, r.byte_size, r.content_key
FROM media m JOIN media_renditions r ON r.media_id = m.id
WHERE m.public_id = :publicId AND r.name = :name
  AND (m.owner_id = :viewerId
       OR EXISTS (SELECT 1 FROM profiles pa WHERE pa.avatar_media_id = m.id)
       OR EXISTS (SELECT 1 FROM profiles pb WHERE pb.banner_media_id = m.id)
       OR EXISTS (SELECT 1 FROM post_media pm JOIN posts p ON p.id = pm.post_id
                  WHERE pm.media_id = m.id AND (<postVisible>)))
