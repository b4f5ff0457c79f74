package org.atelier.server.profiles;

import java.util.List;
import java.util.Optional;

/**
 * What a profile edit sets; an empty field keeps its value. Hostile until {@link Profiles}
 * checked it.
 *
 * @param displayName  display name
 * @param bio          bio (Markdown)
 * @param location     location
 * @param links        links (replace the list)
 * @param skills       skills and mediums (replace the list)
 * @param openToWork   open to commissions or work
 * @param locked       approve follows
 * @param noAiDefault  default "no AI training" choice
 * @param avatar       the avatar image's public id; present but empty clears it
 * @param banner       the banner image's public id; present but empty clears it
 */
public record ProfileChanges(Optional<String> displayName, Optional<String> bio, Optional<String> location,
                             Optional<List<ProfileLink>> links, Optional<List<String>> skills,
                             Optional<Boolean> openToWork, Optional<Boolean> locked, Optional<Boolean> noAiDefault,
                             Optional<String> avatar, Optional<String> banner) {
}
