package org.atelier.server.accounts;

import static org.atelier.server.accounts.AccountException.Reason.CONFLICT;
import static org.atelier.server.accounts.AccountException.Reason.FORBIDDEN;
import static org.atelier.server.accounts.AccountException.Reason.INVALID;
import static org.atelier.server.accounts.AccountException.Reason.NOT_FOUND;
import static org.atelier.server.accounts.AccountException.Reason.RATE_LIMITED;
import static org.atelier.server.accounts.AccountException.Reason.UNAUTHORISED;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.atelier.plugin.api.web.Role;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.store.Database;
import org.atelier.server.store.Hashes;
import org.atelier.server.store.InstanceSettings;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Accounts, sessions and invites: registration under the instance's registration mode, sign-in
 * with rate limiting, the first-run admin setup, approvals, roles and profile changes with their
 * authorisation rules. Thread-safe.
 */
public final class Accounts {
    /** How long a session lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    /** Shortest accepted password. */
    public static final int MIN_PASSWORD = 10;
    /** Longest accepted password (Argon2 takes any length; this bounds the work per request). */
    public static final int MAX_PASSWORD = 256;
    /** The longest an invite can stay valid. */
    public static final Duration MAX_INVITE_VALIDITY = Duration.ofDays(3650);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final AccountDao dao;
    private final InstanceSettings settings;
    private final PasswordHasher hasher;
    private final LoginRateLimiter limiter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SessionCache sessions;
    /** A hash for unknown usernames, made on first need rather than at start-up (it costs one Argon2 run). */
    private volatile String decoyHash;

    /**
     * Creates the service.
     *
     * @param database the database
     * @param settings the instance settings
     * @param hasher   the password hasher
     * @param limiter  the sign-in rate limiter
     * @param clock    the clock
     */
    public Accounts(Database database, InstanceSettings settings, PasswordHasher hasher, LoginRateLimiter limiter,
                    Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(AccountDao.class);
        this.settings = settings;
        this.hasher = hasher;
        this.limiter = limiter;
        this.clock = clock;
        this.sessions = new SessionCache(clock);
    }

    /**
     * The instance's registration mode (approval unless an admin chose otherwise).
     *
     * @return the mode
     */
    public RegistrationMode registrationMode() {
        return settings.get(RegistrationMode.SETTING).flatMap(RegistrationMode::parse).orElse(RegistrationMode.APPROVAL);
    }

    /**
     * Changes the registration mode.
     *
     * @param actor the admin making the change
     * @param mode  the new mode
     */
    public void setRegistrationMode(Viewer actor, RegistrationMode mode) {
        requireAdmin(actor);
        settings.put(RegistrationMode.SETTING, mode.name());
    }

    /**
     * Whether the instance still needs its first admin (the setup page is open then).
     *
     * @return true until an admin exists
     */
    public boolean needsSetup() {
        return dao.countAdmins() == 0;
    }

    /**
     * Creates the first admin account. Only possible while no admin exists.
     *
     * @param registration the admin's details
     * @return the account
     */
    public Account setUpAdmin(Registration registration) {
        if (!needsSetup()) {
            throw new AccountException(FORBIDDEN, "This instance is already set up.");
        }
        return create(registration, Role.ADMIN, AccountStatus.ACTIVE);
    }

    /**
     * Registers an account under the instance's registration mode.
     *
     * @param registration what was submitted
     * @return the account: active, or pending approval
     */
    public Account register(Registration registration) {
        RegistrationMode mode = registrationMode();
        validate(registration);
        if (mode == RegistrationMode.INVITE) {
            String code = Optional.ofNullable(registration.inviteCode()).orElse("").trim();
            if (code.isEmpty()) {
                throw new AccountException(INVALID, "Registration on this instance needs an invite code.");
            }
            return jdbi.inTransaction(h -> {
                AccountDao tx = h.attach(AccountDao.class);
                if (tx.useInvite(Hashes.sha256(code), clock.instant()) != 1) {
                    throw new AccountException(INVALID, "That invite code is not valid, used up, or expired.");
                }
                return insert(tx, registration, Role.ARTIST, AccountStatus.ACTIVE);
            });
        }
        AccountStatus status = mode == RegistrationMode.OPEN ? AccountStatus.ACTIVE : AccountStatus.PENDING;
        return create(registration, Role.ARTIST, status);
    }

    /**
     * Checks credentials and opens a session.
     *
     * @param username the username
     * @param password the password
     * @param address  the client's address, for rate limiting
     * @return the new session
     */
    public NewSession signIn(String username, String password, String address) {
        String name = Optional.ofNullable(username).orElse("").trim();
        String secret = Optional.ofNullable(password).orElse("");
        // the attempt counts as failed from here on, until the password is found right
        if (!limiter.acquire(name, address)) {
            throw new AccountException(RATE_LIMITED, "Too many failed sign-ins. Wait a few minutes and try again.");
        }
        Optional<Account> account = name.isEmpty() || secret.length() > MAX_PASSWORD
                ? Optional.empty() : find(name);
        // spend the same time whether or not the account exists, so timing does not reveal usernames
        boolean matches = hasher.verify(secret, account.map(Account::passwordHash).orElseGet(this::decoyHash)) && account.isPresent();
        if (!matches) {
            throw new AccountException(UNAUTHORISED, "Wrong username or password.");
        }
        limiter.succeeded(name, address);
        Account found = account.get();
        if (found.status() == AccountStatus.PENDING) {
            throw new AccountException(FORBIDDEN, "Your registration is waiting for an admin's approval.");
        }
        if (found.status() == AccountStatus.SUSPENDED) {
            throw new AccountException(FORBIDDEN, "This account is suspended.");
        }
        return openSession(found);
    }

    /**
     * Finds the live session for a cookie value.
     *
     * @param secret the cookie value
     * @return the session, if live and its account active
     */
    public Optional<Session> session(String secret) {
        if (secret == null || secret.length() != 43) {
            return Optional.empty();
        }
        String hash = hashSecret(secret);
        Optional<Session> kept = sessions.get(hash);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<AccountDao.SessionRow> row = dao.session(hash, clock.instant())
                .filter(r -> r.account().status() == AccountStatus.ACTIVE);
        row.ifPresent(r -> sessions.put(hash, new Session(r.account(), r.csrfToken()), r.expiresAt()));
        return row.map(r -> new Session(r.account(), r.csrfToken()));
    }

    /**
     * Ends a session.
     *
     * @param secret the cookie value
     */
    public void signOut(String secret) {
        if (secret != null) {
            String hash = hashSecret(secret);
            dao.deleteSession(hash);
            sessions.forget(hash);
        }
    }

    /**
     * One account.
     *
     * @param username its username
     * @return the account
     */
    public Optional<Account> byUsername(String username) {
        return find(username);
    }

    /**
     * An artist others may see and act on: an active account (registrations waiting for approval
     * and suspended accounts are not published).
     *
     * @param username its username
     * @return the account
     * @throws AccountException 404 when there is no such active account
     */
    public Account activeArtist(String username) {
        return find(username).filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new AccountException(NOT_FOUND, "No artist by that name here."));
    }

    /**
     * Accounts waiting for approval.
     *
     * @param actor an admin
     * @return the pending accounts, oldest first
     */
    public List<Account> pending(Viewer actor) {
        requireAdmin(actor);
        return dao.byStatus(AccountStatus.PENDING.name(), 500);
    }

    /**
     * Approves a pending registration.
     *
     * @param actor    an admin
     * @param username the account
     */
    public void approve(Viewer actor, String username) {
        requireAdmin(actor);
        Account account = find(username).orElseThrow(() -> new AccountException(NOT_FOUND, "No such account."));
        if (account.status() != AccountStatus.PENDING) {
            throw new AccountException(CONFLICT, "That account is not waiting for approval.");
        }
        dao.updateStatus(account.id(), AccountStatus.ACTIVE.name());
        sessions.clear();
    }

    /**
     * Changes an account's role.
     *
     * @param actor    an admin
     * @param username the account
     * @param role     the new role
     */
    public void setRole(Viewer actor, String username, Role role) {
        requireAdmin(actor);
        Account account = find(username).orElseThrow(() -> new AccountException(NOT_FOUND, "No such account."));
        if (account.id() == actor.accountId() && role != Role.ADMIN && dao.countAdmins() <= 1) {
            throw new AccountException(CONFLICT, "The last admin cannot give up the admin role.");
        }
        dao.updateRole(account.id(), role.name());
        sessions.clear();
    }

    /**
     * Creates an invite code.
     *
     * @param actor   an admin
     * @param maxUses how many registrations it allows
     * @param valid   how long it stays valid
     * @param note    a note for the admin
     * @return the code, shown once (only its hash is stored)
     */
    public String createInvite(Viewer actor, int maxUses, Duration valid, String note) {
        requireAdmin(actor);
        if (maxUses < 1 || maxUses > 1000) {
            throw new AccountException(INVALID, "An invite allows 1 to 1000 registrations.");
        }
        if (valid == null || valid.isNegative() || valid.isZero() || valid.compareTo(MAX_INVITE_VALIDITY) > 0) {
            throw new AccountException(INVALID, "An invite is valid for 1 to " + MAX_INVITE_VALIDITY.toDays() + " days.");
        }
        String code = randomToken(18);
        Instant now = clock.instant();
        dao.insertInvite(Hashes.sha256(code), actor.accountId(),
                truncate(Optional.ofNullable(note).orElse(""), 200), maxUses, now, now.plus(valid));
        return code;
    }

    /**
     * Changes an account's profile; only the account itself (or an admin) may.
     *
     * @param actor       who asks
     * @param username    whose profile
     * @param displayName the new display name
     * @param bio         the new biography
     * @return the updated account
     */
    public Account updateProfile(Viewer actor, String username, String displayName, String bio) {
        Account account = find(username).orElseThrow(() -> new AccountException(NOT_FOUND, "No such account."));
        if (account.id() != actor.accountId() && actor.role() != Role.ADMIN) {
            throw new AccountException(FORBIDDEN, "You can only change your own profile.");
        }
        String name = Optional.ofNullable(displayName).orElse("").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new AccountException(INVALID, "A display name is 1 to 100 characters long.");
        }
        String text = Optional.ofNullable(bio).orElse("").strip();
        if (text.length() > 2000) {
            throw new AccountException(INVALID, "A bio is at most 2000 characters long.");
        }
        dao.updateProfile(account.id(), name, text);
        return dao.byId(account.id()).orElseThrow();
    }

    /** An account by its exact username; text that cannot be a username finds nothing on any database. */
    private Optional<Account> find(String username) {
        return Usernames.wellFormed(username) ? dao.byUsername(username) : Optional.empty();
    }

    private Account create(Registration registration, Role role, AccountStatus status) {
        validate(registration);
        return jdbi.inTransaction(h -> insert(h.attach(AccountDao.class), registration, role, status));
    }

    private Account insert(AccountDao tx, Registration registration, Role role, AccountStatus status) {
        if (tx.byUsername(registration.username()).isPresent()) {
            throw new AccountException(CONFLICT, "That username is taken.");
        }
        // stored lower-cased so that the unique constraint catches case variants on H2 too
        String email = registration.email().trim().toLowerCase(java.util.Locale.ROOT);
        if (tx.emailTaken(email)) {
            throw new AccountException(CONFLICT, "An account with that e-mail address exists.");
        }
        String displayName = Optional.ofNullable(registration.displayName()).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(registration.username());
        try {
            if (displayName.length() > 100) {
                throw new AccountException(INVALID, "A display name is 1 to 100 characters long.");
            }
            long id = tx.insert(registration.username(), email, displayName,
                    hasher.hash(registration.password()), role.name(), status.name(), clock.instant());
            return tx.byId(id).orElseThrow();
        } catch (UnableToExecuteStatementException e) {
            // a concurrent registration won the unique constraint
            throw new AccountException(CONFLICT, "That username or e-mail address is taken.");
        }
    }

    private static void validate(Registration registration) {
        Usernames.problem(registration.username()).ifPresent(p -> {
            throw new AccountException(INVALID, p);
        });
        String email = Optional.ofNullable(registration.email()).orElse("").trim();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new AccountException(INVALID, "Enter a valid e-mail address.");
        }
        String password = Optional.ofNullable(registration.password()).orElse("");
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountException(INVALID, "Passwords are " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long.");
        }
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.decoy(); // two threads may both make one: harmless, either is fine
            decoyHash = decoy;
        }
        return decoy;
    }

    private NewSession openSession(Account account) {
        String secret = randomToken(32);
        String csrf = randomToken(32);
        Instant now = clock.instant();
        dao.insertSession(hashSecret(secret), account.id(), csrf, now, now.plus(SESSION_LIFETIME));
        return new NewSession(secret, csrf, account);
    }

    private static void requireAdmin(Viewer actor) {
        if (actor == null || actor.role() != Role.ADMIN) {
            throw new AccountException(FORBIDDEN, "Only admins can do that.");
        }
    }

    private static String hashSecret(String secret) {
        return Hashes.sha256(secret);
    }

    /**
     * A random URL-safe token.
     *
     * @param bytes how many random bytes
     * @return the token
     */
    public String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return TOKEN.encodeToString(buffer);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
