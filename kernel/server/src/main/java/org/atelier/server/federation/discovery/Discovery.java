package org.atelier.server.federation.discovery;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.AccountStatus;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.federation.ActivityStreams;
import org.atelier.server.federation.Instance;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Json;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.store.Database;
import org.atelier.server.store.InstanceSettings;

/**
 * WebFinger ({@code /.well-known/webfinger}), host-meta ({@code /.well-known/host-meta}) and
 * NodeInfo ({@code /.well-known/nodeinfo}, {@code /nodeinfo/2.0}, {@code /nodeinfo/2.1}). Whether
 * NodeInfo tells the instance's usage counts is an instance setting ({@link #SHARE_USAGE}, on by
 * default, as on Mastodon). All answers are public and allow any origin, as peers' web clients
 * read them too.
 */
public final class Discovery {
    /** The instance setting: whether NodeInfo tells how many users and posts there are. */
    public static final String SHARE_USAGE = "federation.nodeinfo_share_usage";
    /** The software name NodeInfo gives (lower case, as the schema asks). */
    static final String SOFTWARE = "atelier";
    private static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/";
    private static final String JRD = "application/jrd+json; charset=utf-8";

    private final Instance instance;
    private final Accounts accounts;
    private final InstanceSettings settings;
    private final UsageDao usage;
    private final Clock clock;

    /**
     * Creates the routes' handlers.
     *
     * @param instance the instance's URLs
     * @param accounts the accounts
     * @param settings instance settings
     * @param database the database (usage counts)
     * @param clock    the clock
     */
    public Discovery(Instance instance, Accounts accounts, InstanceSettings settings, Database database, Clock clock) {
        this.instance = instance;
        this.accounts = accounts;
        this.settings = settings;
        this.usage = database.jdbi().onDemand(UsageDao.class);
        this.clock = clock;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/.well-known/webfinger", this::webFinger);
        router.get("/.well-known/host-meta", x -> {
            publicAnswer(x);
            x.send(200, "application/xrd+xml; charset=utf-8", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                    + "  <Link rel=\"lrdd\" template=\"" + instance.baseUrl()
                    + "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n").getBytes(StandardCharsets.UTF_8));
        });
        router.get("/.well-known/nodeinfo", x -> {
            publicAnswer(x);
            x.json(200, Map.of("links", List.of(
                    Map.of("rel", NODEINFO_SCHEMA + "2.0", "href", instance.baseUrl() + "/nodeinfo/2.0"),
                    Map.of("rel", NODEINFO_SCHEMA + "2.1", "href", instance.baseUrl() + "/nodeinfo/2.1"))));
        });
        router.get("/nodeinfo/2.0", x -> nodeInfo(x, "2.0"));
        router.get("/nodeinfo/2.1", x -> nodeInfo(x, "2.1"));
        router.get("/api/v1/admin/settings/nodeinfo", x -> {
            x.requireAdmin();
            x.json(200, Map.of("shareUsage", sharesUsage()));
        });
        router.put("/api/v1/admin/settings/nodeinfo", x -> {
            x.requireAdmin();
            setSharesUsage(JsonBody.of(x).bool("shareUsage")
                    .orElseThrow(() -> new HttpError(400, "Give shareUsage: true or false.")));
            x.json(200, Map.of("shareUsage", sharesUsage()));
        });
    }

    /** @return whether NodeInfo tells the usage counts */
    public boolean sharesUsage() {
        return settings.get(SHARE_USAGE).map(Boolean::parseBoolean).orElse(true);
    }

    /**
     * Sets whether NodeInfo tells the usage counts (the API checks the actor is an admin).
     *
     * @param share the new setting
     */
    public void setSharesUsage(boolean share) {
        settings.put(SHARE_USAGE, Boolean.toString(share));
    }

    private void webFinger(Exchange x) {
        publicAnswer(x);
        String resource = x.request().query().first("resource").asOptional()
                .orElseThrow(() -> new HttpError(400, "resource is required: acct:user@" + instance.domain()
                        + " or a profile URL."));
        Account account = local(resource).flatMap(accounts::byUsername)
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new HttpError(404, "No account " + resource + " here."));
        Map<String, Object> jrd = new LinkedHashMap<>();
        jrd.put("subject", "acct:" + account.username() + "@" + instance.domain());
        jrd.put("aliases", List.of(instance.profile(account.username()), instance.actor(account.username())));
        jrd.put("links", List.of(
                Map.of("rel", "self", "type", ActivityStreams.ACTIVITY_JSON, "href", instance.actor(account.username())),
                Map.of("rel", "http://webfinger.net/rel/profile-page", "type", "text/html",
                        "href", instance.profile(account.username()))));
        x.send(200, JRD, Json.write(jrd));
    }

    /**
     * The local username a WebFinger resource names: {@code acct:name@domain} (with or without
     * {@code acct:}, and a leading {@code @}), or this instance's actor or profile URL.
     */
    private Optional<String> local(String resource) {
        String r = resource.strip();
        for (String prefix : List.of(instance.baseUrl() + "/users/", instance.baseUrl() + "/@")) {
            if (r.startsWith(prefix)) {
                String name = URLDecoder.decode(r.substring(prefix.length()), StandardCharsets.UTF_8);
                return name.contains("/") ? Optional.empty() : Optional.of(name);
            }
        }
        if (r.regionMatches(true, 0, "acct:", 0, 5)) {
            r = r.substring(5);
        }
        if (r.startsWith("@")) {
            r = r.substring(1);
        }
        int at = r.lastIndexOf('@');
        if (at <= 0 || !r.substring(at + 1).toLowerCase(Locale.ROOT).equals(instance.domain().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(r.substring(0, at));
    }

    private void nodeInfo(Exchange x, String version) {
        publicAnswer(x);
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", SOFTWARE);
        software.put("version", version());
        if (version.equals("2.1")) {
            software.put("homepage", instance.baseUrl());
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", version);
        info.put("software", software);
        info.put("protocols", List.of("activitypub"));
        info.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
        info.put("openRegistrations", accounts.registrationMode() == RegistrationMode.OPEN);
        Map<String, Object> counts = new LinkedHashMap<>();
        if (sharesUsage()) {
            var now = clock.instant();
            counts.put("users", Map.of("total", usage.users(),
                    "activeMonth", usage.activeSince(now.minus(Duration.ofDays(30))),
                    "activeHalfyear", usage.activeSince(now.minus(Duration.ofDays(180)))));
            counts.put("localPosts", usage.localPosts());
        } else {
            counts.put("users", Map.of());
        }
        info.put("usage", counts);
        info.put("metadata", Map.of("nodeName", instance.domain()));
        x.send(200, "application/json; profile=\"" + NODEINFO_SCHEMA + version + "#\"", Json.write(info));
    }

    /** @return this build's version (the jar's implementation version; {@code 0.1.0-dev} from classes) */
    public static String version() {
        String v = Discovery.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    private static void publicAnswer(Exchange x) {
        x.response().header("Access-Control-Allow-Origin", "*");
    }
}
