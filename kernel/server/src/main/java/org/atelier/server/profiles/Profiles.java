package org.atelier.server.profiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.Usernames;
import org.atelier.server.http.HttpError;
import org.atelier.server.store.Database;
import org.atelier.server.text.MarkdownRenderer;
import org.jdbi.v3.core.Jdbi;

/**
 * Artists' profiles: name and bio (on the account), and beside it the rendered bio, location,
 * links, skills, "open to work", locked follows, the default "no AI training" choice, avatar and
 * banner. Thread-safe.
 */
public final class Profiles {
    /** Most links on a profile. */
    public static final int MAX_LINKS = 8;
    /** Most skills on a profile. */
    public static final int MAX_SKILLS = 20;
    /** Longest skill. */
    public static final int MAX_SKILL = 40;
    /** Longest link label. */
    public static final int MAX_LABEL = 60;
    /** Longest location. */
    public static final int MAX_LOCATION = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final ProfileDao dao;
    private final Accounts accounts;
    private final Clock clock;
    private final MarkdownRenderer bios = MarkdownRenderer.forBios();

    /**
     * Creates the service.
     *
     * @param database the database
     * @param accounts the accounts (name and bio live there)
     * @param clock    the clock
     */
    public Profiles(Database database, Accounts accounts, Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(ProfileDao.class);
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * An active artist's profile.
     *
     * @param username the username
     * @return the profile
     */
    public Optional<Profile> byUsername(String username) {
        // only well-formed names reach the query, so no collation can match a case or width variant
        if (username == null || !Usernames.wellFormed(username)) {
            return Optional.empty();
        }
        return dao.byUsername(username).map(Profiles::profile);
    }

    /**
     * Edits the viewer's own profile. Everything is checked before anything is written.
     *
     * @param viewer  the artist
     * @param changes what changes
     * @return the profile after the edit
     * @throws HttpError 400 with a clear message when a field is refused (nothing changes then)
     */
    public Profile update(Viewer viewer, ProfileChanges changes) {
        Profile old = byUsername(viewer.username()).orElseThrow(() -> new HttpError(404, "No such account."));
        String location = changes.location().orElse(old.location()).strip();
        if (location.length() > MAX_LOCATION) {
            throw new HttpError(400, "A location is at most " + MAX_LOCATION + " characters.");
        }
        List<ProfileLink> links = checkLinks(changes.links().orElse(old.links()));
        List<String> skills = checkSkills(changes.skills().orElse(old.skills()));
        Long avatar = image(viewer, changes.avatar(), old.avatar());
        Long banner = image(viewer, changes.banner(), old.banner());
        String displayName = changes.displayName().orElse(old.displayName());
        String bio = changes.bio().orElse(old.bio());
        boolean openToWork = changes.openToWork().orElse(old.openToWork());
        boolean locked = changes.locked().orElse(old.locked());
        boolean noAiDefault = changes.noAiDefault().orElse(old.noAiDefault());
        // everything else was checked above; name and bio are checked by the account service, which
        // writes them first, so a refused name or bio leaves the whole profile as it was
        Account updated = accounts.updateProfile(viewer, viewer.username(), displayName, bio);
        ProfileDao.Values values = new ProfileDao.Values(old.accountId(), bios.toHtml(updated.bio()), location,
                write(links), write(skills), openToWork, locked, noAiDefault, avatar, banner, clock.instant());
        jdbi.useTransaction(h -> {
            ProfileDao tx = h.attach(ProfileDao.class);
            if (tx.update(values) == 0) {
                tx.insert(values);
            }
        });
        return byUsername(viewer.username()).orElseThrow();
    }

    private Long image(Viewer viewer, Optional<String> change, Optional<String> current) {
        Optional<String> publicId = change.isPresent() ? change.filter(s -> !s.isBlank()) : current;
        if (publicId.isEmpty()) {
            return null;
        }
        return dao.ownMedia(publicId.get(), viewer.accountId())
                .orElseThrow(() -> new HttpError(400, "That image is not one of your uploads."));
    }

    private static List<ProfileLink> checkLinks(List<ProfileLink> links) {
        if (links.size() > MAX_LINKS) {
            throw new HttpError(400, "A profile has at most " + MAX_LINKS + " links.");
        }
        List<ProfileLink> checked = new ArrayList<>();
        for (ProfileLink link : links) {
            String url = link.url() == null ? "" : link.url().strip();
            String label = link.label() == null ? "" : link.label().strip();
            if (url.isEmpty() && label.isEmpty()) {
                continue;
            }
            if (!isWebAddress(url)) {
                throw new HttpError(400, "\"" + clip(url) + "\" is not a web address (http or https).");
            }
            if (label.length() > MAX_LABEL) {
                throw new HttpError(400, "A link's label is at most " + MAX_LABEL + " characters.");
            }
            checked.add(new ProfileLink(label.isEmpty() ? URI.create(url).getHost() : label, url));
        }
        return checked;
    }

    private static List<String> checkSkills(List<String> skills) {
        Set<String> checked = new LinkedHashSet<>();
        for (String skill : skills) {
            String s = skill == null ? "" : skill.strip().replaceAll("\\s+", " ");
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() > MAX_SKILL || s.chars().anyMatch(Character::isISOControl)) {
                throw new HttpError(400, "A skill is a short phrase of at most " + MAX_SKILL + " characters.");
            }
            checked.add(s);
        }
        if (checked.size() > MAX_SKILLS) {
            throw new HttpError(400, "A profile lists at most " + MAX_SKILLS + " skills.");
        }
        return List.copyOf(checked);
    }

    /**
     * Whether text is an absolute http(s) address of reasonable length.
     *
     * @param url the text
     * @return true when it is
     */
    static boolean isWebAddress(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Profile profile(ProfileDao.Row r) {
        return new Profile(r.accountId(), r.username(), r.displayName(), r.bio(), r.role().toLowerCase(java.util.Locale.ROOT), r.bioHtml(), r.location(),
                read(r.links(), new TypeReference<List<ProfileLink>>() { }), read(r.skills(), new TypeReference<List<String>>() { }),
                r.openToWork(), r.locked(), r.noAiDefault(), r.avatar(), r.banner(), r.createdAt(), r.postCount(),
                r.followerCount(), r.followingCount());
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        try {
            return List.copyOf(JSON.readValue(json, type));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
