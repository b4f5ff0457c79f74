package org.atelier.server.posts;

import java.util.List;

/**
 * A post with everything a page or the API shows of it.
 *
 * @param record its row
 * @param images its images in order
 * @param embeds its embed links in order
 * @param tags   its tags (normalised)
 */
public record Post(PostRecord record, List<PostImage> images, List<String> embeds, List<String> tags) {
}
