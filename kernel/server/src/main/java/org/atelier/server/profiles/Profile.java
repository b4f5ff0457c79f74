package org.atelier.server.profiles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An artist's public profile.
 *
 * @param accountId      the account
 * @param username       the username
 * @param displayName    the display name
 * @param bio            the bio's Markdown source
 * @param role           admin, moderator or artist
 * @param bioHtml        the bio, sanitised HTML
 * @param location       where the artist is, free text
 * @param links          links to show, in order
 * @param skills         skills and mediums, in order
 * @param openToWork     open to commissions or work
 * @param locked         follows need the artist's approval
 * @param noAiDefault    the default "no AI training" choice for new posts
 * @param avatar         the avatar image's public id (its {@code thumbnail} rendition, a square crop)
 * @param banner         the banner image's public id (its {@code cover} rendition, a wide crop)
 * @param createdAt      when the account was made
 * @param postCount      published posts
 * @param followerCount  accepted followers
 * @param followingCount accounts followed
 */
public record Profile(long accountId, String username, String displayName, String bio, String role, String bioHtml, String location,
                      List<ProfileLink> links, List<String> skills, boolean openToWork, boolean locked,
                      boolean noAiDefault, Optional<String> avatar, Optional<String> banner, Instant createdAt,
                      long postCount, long followerCount, long followingCount) {
}
