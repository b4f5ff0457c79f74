package org.atelier.server;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.LoginRateLimiter;
import org.atelier.server.accounts.PasswordHasher;
import org.atelier.server.api.AccountsApi;
import org.atelier.server.api.AdminApi;
import org.atelier.server.api.CollectionsApi;
import org.atelier.server.api.EmbedsApi;
import org.atelier.server.api.FeedsApi;
import org.atelier.server.api.MediaApi;
import org.atelier.server.api.PostSocialApi;
import org.atelier.server.api.PostsApi;
import org.atelier.server.api.ProfilesApi;
import org.atelier.server.collections.Collections;
import org.atelier.server.api.SocialApi;
import org.atelier.server.config.AtelierConfig;
import org.atelier.server.embeds.Embeds;
import org.atelier.server.federation.Instance;
import org.atelier.server.federation.conversion.ActorCollections;
import org.atelier.server.federation.conversion.Actors;
import org.atelier.server.federation.conversion.Notes;
import org.atelier.server.federation.dereferencing.ActivityDocuments;
import org.atelier.server.federation.dereferencing.OutboundHttp;
import org.atelier.server.federation.dereferencing.OutboundLimits;
import org.atelier.server.federation.dereferencing.OutboundResponse;
import org.atelier.server.federation.dereferencing.RemoteKeys;
import org.atelier.server.federation.discovery.Discovery;
import org.atelier.server.federation.inbound.Inbox;
import org.atelier.server.federation.keys.ActorKeys;
import org.atelier.server.feeds.Feeds;
import org.atelier.server.feeds.HomeTimelines;
import org.atelier.server.feeds.SilencedAccounts;
import org.atelier.server.feeds.Popularity;
import org.atelier.server.feeds.Ranking;
import org.atelier.server.feeds.Search;
import org.atelier.server.feeds.TagFollows;
import org.atelier.server.feeds.TitleIndex;
import org.atelier.server.http.ErrorResponses;
import org.atelier.server.http.ExtensionDispatcher;
import org.atelier.server.http.Router;
import org.atelier.server.http.Sessions;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.media.MediaLibrary;
import org.atelier.server.media.MediaSettings;
import org.atelier.server.media.MediaPipeline;
import org.atelier.server.media.MediaRenderer;
import org.atelier.server.media.MediaStore;
import org.atelier.server.jobs.JobWorker;
import org.atelier.server.plugins.PluginCalls;
import org.atelier.server.plugins.PluginHost;
import org.atelier.server.plugins.PluginMigrations;
import org.atelier.server.plugins.WebExtensions;
import org.atelier.server.posts.PostVisibility;
import org.atelier.server.posts.Posts;
import org.atelier.server.profiles.Profiles;
import org.atelier.server.social.Comments;
import org.atelier.server.social.Notifications;
import org.atelier.server.social.PostMentions;
import org.atelier.server.social.Reactions;
import org.atelier.server.social.Social;
import org.atelier.server.store.Database;
import org.atelier.server.store.DatabaseHealthCheck;
import org.atelier.server.store.InstanceSettings;
import org.atelier.server.web.AdminPages;
import org.atelier.server.web.AiTrainingOptOut;
import org.atelier.server.web.ArtistPages;
import org.atelier.server.web.AuthPages;
import org.atelier.server.web.CollectionPages;
import org.atelier.server.web.FeedPages;
import org.atelier.server.web.PageRenderer;
import org.atelier.server.web.PostPages;
import org.atelier.server.web.SetupToken;
import org.atelier.server.web.SitePages;
import org.atelier.server.web.SocialPages;
import org.atelier.server.web.SiteSettingsPages;
import org.atelier.server.web.StaticAssets;
import org.atelier.server.web.Themes;

/**
 * One running Atelier instance: database, plugin host, web server. {@link Main} starts one from
 * the configuration; tests start as many as they need, each on its own port and data directory.
 */
public final class Atelier implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Atelier.class.getName());

    private final AtelierConfig config;
    private final Database database;
    private final PluginCalls calls;
    private final PluginHost plugins;
    private final WebServer server;
    private final Accounts accounts;
    private final SetupToken setupToken;
    private final JobQueue jobs;
    private final JobWorker worker;
    private final MediaLibrary media;
    private final MediaRenderer renderer;

    private Atelier(AtelierConfig config, Database database, PluginCalls calls, PluginHost plugins, WebServer server,
                    Accounts accounts, SetupToken setupToken, JobQueue jobs, JobWorker worker, MediaLibrary media,
                    MediaRenderer renderer) {
        this.config = config;
        this.database = database;
        this.calls = calls;
        this.plugins = plugins;
        this.server = server;
        this.accounts = accounts;
        this.setupToken = setupToken;
        this.jobs = jobs;
        this.worker = worker;
        this.media = media;
        this.renderer = renderer;
    }

    /**
     * Starts an instance.
     *
     * @param config the configuration
     * @param clock  the clock (tests control it)
     * @return the running instance
     */
    public static Atelier start(AtelierConfig config, Clock clock) {
        return start(config, clock, true);
    }

    /**
     * Starts an instance that may leave the job queue to other nodes.
     *
     * @param config  the configuration
     * @param clock   the clock (tests control it)
     * @param runJobs false to serve requests without claiming jobs: what is enqueued waits in the
     *                database for a node that runs them (tests use it to hold work across a restart)
     * @return the running instance
     */
    public static Atelier start(AtelierConfig config, Clock clock, boolean runJobs) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        Database database = Database.open(config.database().jdbcUrl(config.dataDir()), config.database().user(),
                config.database().password(), 10);
        PostVisibility.install(database.jdbi());
        PluginCalls calls = new PluginCalls(Duration.ofMillis(config.pluginTimeoutMillis()));
        WebExtensions webExtensions = new WebExtensions(new PluginMigrations(database.dataSource()), calls);
        PluginHost plugins = PluginHost.start(config.dataDir(), database, config.bundledPlugins(), clock,
                registry -> registry.addListener(webExtensions));
        try {
            InstanceSettings settings = new InstanceSettings(database);
            Accounts accounts = new Accounts(database, settings, PasswordHasher.standard(),
                    LoginRateLimiter.standard(clock), clock);
            SetupToken setupToken = new SetupToken(setupToken(accounts));
            Sessions sessions = new Sessions(accounts, config.secure());
            Themes themes = new Themes(config.dataDir().resolve("themes"), settings);
            Notifications notifications = new Notifications(database, clock);
            PageRenderer pages = new PageRenderer(themes, webExtensions::navigation, config.baseUrl().getHost(),
                    notifications::unreadCount);
            ErrorResponses errors = new ErrorResponses(pages);
            Embeds embeds = new Embeds(plugins.extensions(), calls);
            ExtensionDispatcher dispatcher = new ExtensionDispatcher(webExtensions, calls, pages,
                    database.dataSource(), config.baseUrl());

            HttpRouting.Builder routing = HttpRouting.builder();
            routing.addFilter((chain, req, res) -> {
                res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
                res.header("Referrer-Policy", "strict-origin-when-cross-origin");
                res.header("X-Frame-Options", "DENY");
                res.header("X-Robots-Tag", "noai, noimageai");
                res.header(AiTrainingOptOut.TDM_HEADER, "1");
                // embeds may come from any PeerTube host, so frames are limited to https and sandboxed
                res.header("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; "
                        + "frame-src https:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
                chain.proceed();
            });
            Router router = new Router(routing, sessions, errors);
            new StaticAssets(pages).routes(router);
            AiTrainingOptOut.routes(router);
            new SitePages(embeds, pages).routes(router);
            new AuthPages(accounts, sessions, pages, setupToken).routes(router);
            new AdminPages(plugins, accounts, pages).routes(router);
            new AccountsApi(accounts, sessions).routes(router);
            new AdminApi(plugins, accounts).routes(router);
            new EmbedsApi(embeds).routes(router);
            JobQueue jobs = new JobQueue(database, clock);
            MediaSettings mediaSettings = new MediaSettings(settings);
            MediaStore mediaStore = new MediaStore(config.dataDir().resolve("media"));
            MediaLibrary media = new MediaLibrary(database, mediaStore, mediaSettings, jobs, clock);
            MediaRenderer renderer = new MediaRenderer(database, mediaStore, new MediaPipeline(), mediaSettings, clock);
            new MediaApi(media).routes(router);
            Posts posts = new Posts(database, media, settings, clock);
            new PostsApi(posts, accounts).routes(router);
            posts.addListener(new PostMentions(notifications));
            Social social = new Social(database, notifications, clock);
            Reactions reactions = new Reactions(database, posts, social, notifications, clock);
            Comments comments = new Comments(database, posts, notifications, clock);
            new SocialApi(social, notifications, accounts).routes(router);
            new PostSocialApi(reactions, comments).routes(router);
            Profiles profiles = new Profiles(database, accounts, clock);
            new ProfilesApi(profiles).routes(router);
            SocialPages socialPages = new SocialPages(social, reactions, comments, notifications, accounts, pages);
            socialPages.routes(router);
            // ActivityPub clients asking for a profile page get the actor: before the page's route
            Instance instance = Instance.of(config.baseUrl());
            ActorKeys actorKeys = new ActorKeys(database, clock);
            new Actors(instance, accounts, profiles, actorKeys).routes(router);
            Notes notes = new Notes(instance, posts, accounts);
            notes.routes(router);
            new ActorCollections(instance, accounts, posts, notes).routes(router);
            new Discovery(instance, accounts, settings, database, clock).routes(router);
            OutboundHttp outbound = new OutboundHttp(config.federationAllowPrivate(), OutboundLimits.DEFAULTS,
                    "Atelier/" + Discovery.version() + " (+" + instance.baseUrl() + ")");
            ActivityDocuments documents = new ActivityDocuments((uri, headers) -> {
                OutboundResponse answer = outbound.get(uri, headers);
                return new ActivityDocuments.Answer(answer.status(), answer.header("content-type").orElse(""),
                        answer.body());
            }, instance, actorKeys, clock);
            // no activity is processed yet: the handlers per type are the next layer (FEDERATION.md)
            Inbox inbox = new Inbox(database, accounts, new RemoteKeys(database, documents, clock), jobs, Map.of(), clock);
            inbox.routes(router);
            new ArtistPages(profiles, posts, media, pages, List.of(socialPages)).routes(router);
            new SiteSettingsPages(themes, posts, mediaSettings, pages).routes(router);
            Collections collections = new Collections(database, posts, clock);
            new CollectionsApi(collections, posts, accounts).routes(router);
            CollectionPages collectionPages = new CollectionPages(collections, posts, profiles, pages);
            collectionPages.routes(router);
            new PostPages(posts, media, profiles, embeds, pages, List.of(collectionPages, socialPages)).routes(router);
            Popularity popularity = new Popularity(database, jobs, clock);
            posts.addListener(popularity);
            posts.addListener(new TitleIndex(database));
            HomeTimelines timelines = new HomeTimelines(database, clock);
            posts.addListener(timelines);
            social.addListener(timelines);
            SilencedAccounts silenced = new SilencedAccounts(database, clock);
            social.addListener(silenced);
            Feeds feeds = new Feeds(database, posts, new Ranking(plugins.extensions(), calls, clock), timelines, silenced,
                    clock);
            TagFollows tagFollows = new TagFollows(database, timelines, clock);
            Search search = new Search(database, posts);
            new FeedsApi(feeds, tagFollows, search).routes(router);
            new FeedPages(feeds, tagFollows, search, accounts, pages).routes(router);
            router.fallback(dispatcher::dispatch);

            WebServer server = WebServer.builder()
                    .host(config.bind())
                    .port(config.port())
                    .maxPayloadSize(80L * 1024 * 1024)
                    // answers go out at once: with Nagle's algorithm a response's last segment waits
                    // for the client's delayed ACK of the one before (~40 ms on Linux)
                    .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                    .addFeature(ObserveFeature.builder()
                            .endpoint("/")
                            .addObserver(HealthObserver.builder().details(true)
                                    .addCheck(new DatabaseHealthCheck(database)).build())
                            .addObserver(MetricsObserver.create())
                            .build())
                    .routing(routing)
                    .build()
                    .start();
            Housekeeping housekeeping = new Housekeeping(database, jobs, timelines, clock);
            JobWorker worker = JobWorker.builder(jobs, workerId())
                    .handler(Housekeeping.QUEUE, job -> housekeeping.run())
                    .handler(MediaRenderer.QUEUE, renderer::handle)
                    .handler(Popularity.QUEUE, job -> popularity.runScheduled())
                    .handler(Inbox.QUEUE, inbox::process)
                    .build();
            housekeeping.schedule();
            popularity.schedule();
            if (runJobs) {
                worker.start();
            }
            LOG.info(() -> "Atelier is listening on http://" + config.bind() + ":" + server.port()
                    + " as " + config.baseUrl() + " (database: " + database.kind() + ")");
            return new Atelier(config, database, calls, plugins, server, accounts, setupToken, jobs, worker, media,
                    renderer);
        } catch (RuntimeException e) {
            plugins.close();
            calls.close();
            database.close();
            throw e;
        }
    }

    /** A worker id unique across kernel nodes sharing one database: host, process, random suffix. */
    private static String workerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        String id = host + "/" + ProcessHandle.current().pid() + "/" + Long.toHexString(new java.util.Random().nextLong());
        return id.length() > JobQueue.MAX_WORKER_ID ? id.substring(id.length() - JobQueue.MAX_WORKER_ID) : id;
    }

    private static Optional<String> setupToken(Accounts accounts) {
        if (!accounts.needsSetup()) {
            return Optional.empty();
        }
        String token = Optional.ofNullable(System.getenv("ATELIER_SETUP_TOKEN")).filter(t -> t.length() >= 16)
                .orElseGet(() -> accounts.randomToken(18));
        String banner = "\n======================================================================\n"
                + " This instance has no admin yet. Open /setup and use this one-time token:\n\n"
                + "     " + token + "\n"
                + "======================================================================\n";
        System.out.println(banner);
        return Optional.of(token);
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** @return the local base URI to reach this instance (tests) */
    public URI localUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * The one-time setup token while no admin exists (the same one printed to the console), for
     * tests that walk through setup as the owner would.
     *
     * @return the token, until setup is done
     */
    public Optional<String> pendingSetupToken() {
        return setupToken.current();
    }

    /** @return the plugin host */
    public PluginHost plugins() {
        return plugins;
    }

    /** @return the account service */
    public Accounts accounts() {
        return accounts;
    }

    /** @return the database */
    public Database database() {
        return database;
    }

    /** @return the artists' uploaded images */
    public MediaLibrary media() {
        return media;
    }

    /** @return what renders uploaded images on the job queue */
    public MediaRenderer mediaRenderer() {
        return renderer;
    }

    /** @return the durable job queue */
    public JobQueue jobs() {
        return jobs;
    }

    /** @return the configuration */
    public AtelierConfig config() {
        return config;
    }

    @Override
    public void close() {
        worker.close();
        server.stop();
        plugins.close();
        calls.close();
        database.close();
    }
}
