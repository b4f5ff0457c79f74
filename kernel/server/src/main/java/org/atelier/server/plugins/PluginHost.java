package org.atelier.server.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.atelier.plugin.api.ImageFormat;
import org.atelier.server.store.Database;
import org.atelier.server.store.Hashes;
import org.atelier.server.store.InstanceSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Hosts plugins: embeds an Apache Felix framework, exports the plugin API into it, installs
 * Declarative Services, and installs, starts, stops, updates and uninstalls plugin bundles on the
 * admin's request while the server runs.
 *
 * <p>The instance keeps its own record of plugins (the {@code plugins} table and a copy of each
 * jar under {@code <data>/plugins}); the framework's cache is wiped at every start and rebuilt
 * from that record, so plugins and their states survive restarts and lost caches alike. A plugin
 * that fails to start never stops the kernel from booting: it is shown as failed.
 *
 * <p>Operations are serialised; reads ({@link #list()}) may run concurrently with them.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    private static final String LOCATION_PREFIX = "atelier:plugin:";
    private static final String BUNDLED_INSTALLED = "plugins.bundled-installed";
    /**
     * How long a plugin may take to start (its activator, and the kernel's work on the services it
     * registers, such as a web extension's migrations) before it is given up as failed. The system
     * property {@code atelier.plugins.startTimeoutMs} overrides it.
     */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The Declarative Services runtime and what it needs, in install order, each with a class that
     * finds its jar on the kernel's class path.
     */
    private static final Map<String, String> SYSTEM_BUNDLES = java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(Map.of(
                    "org.osgi.util.function", "org.osgi.util.function.Function",
                    "org.osgi.util.promise", "org.osgi.util.promise.Promise",
                    "org.osgi.service.component", "org.osgi.service.component.ComponentContext",
                    "org.apache.felix.scr", "org.apache.felix.scr.impl.Activator")));

    private final Framework framework;
    private final ExtensionRegistry extensions;
    private final PluginDao dao;
    private final Path jarDir;
    private final Clock clock;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Object operations = new Object();

    private final Duration startTimeout = Duration.ofMillis(Long.getLong("atelier.plugins.startTimeoutMs",
            START_TIMEOUT.toMillis()));

    private PluginHost(Framework framework, ExtensionRegistry extensions, PluginDao dao, Path jarDir, Clock clock) {
        this.framework = framework;
        this.extensions = extensions;
        this.dao = dao;
        this.jarDir = jarDir;
        this.clock = clock;
    }

    /**
     * Starts the framework and brings back every recorded plugin; on the very first start, installs
     * the bundled plugins.
     *
     * @param dataDir        the instance's data directory
     * @param database       the database holding the plugin record
     * @param bundledPlugins where the bundled plugin jars are, if anywhere
     * @param clock          the clock
     * @param beforePlugins  called with the extension registry before any plugin starts, so that
     *                       listeners see every service
     * @return the running host
     */
    public static PluginHost start(Path dataDir, Database database, Optional<Path> bundledPlugins, Clock clock,
                                   java.util.function.Consumer<ExtensionRegistry> beforePlugins) {
        Path jarDir = dataDir.resolve("plugins");
        try {
            Files.createDirectories(jarDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + jarDir, e);
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dataDir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiExports());
        config.put("felix.log.level", "1");
        Framework framework = new org.apache.felix.framework.FrameworkFactory().newFramework(config);
        try {
            framework.init();
            framework.start();
        } catch (BundleException e) {
            throw new IllegalStateException("the OSGi framework did not start", e);
        }
        BundleContext context = framework.getBundleContext();
        installSystemBundles(context);
        ExtensionRegistry extensions = new ExtensionRegistry(context);
        beforePlugins.accept(extensions);
        extensions.open();
        PluginHost host = new PluginHost(framework, extensions, database.jdbi().onDemand(PluginDao.class), jarDir, clock);
        InstanceSettings settings = new InstanceSettings(database);
        if (settings.get(BUNDLED_INSTALLED).isEmpty()) {
            bundledPlugins.ifPresent(host::installBundled);
            settings.put(BUNDLED_INSTALLED, "true");
        }
        host.restoreRecorded();
        return host;
    }

    /**
     * The services plugins provide.
     *
     * @return the registry
     */
    public ExtensionRegistry extensions() {
        return extensions;
    }

    /**
     * Every installed plugin, with its state and the extension points it provides now.
     *
     * @return the plugins, by symbolic name
     */
    public List<PluginInfo> list() {
        List<PluginInfo> result = new ArrayList<>();
        for (PluginRecord record : dao.all()) {
            result.add(describe(record, bundleOf(record.symbolicName())));
        }
        return result;
    }

    /**
     * One installed plugin.
     *
     * @param symbolicName its symbolic name
     * @return its description, if installed
     */
    public Optional<PluginInfo> find(String symbolicName) {
        return dao.find(symbolicName).map(r -> describe(r, bundleOf(r.symbolicName())));
    }

    /**
     * Installs and starts a new plugin.
     *
     * @param bytes the jar
     * @return the plugin as installed; its state says whether it started
     * @throws InvalidPluginException when the jar is refused or does not resolve
     */
    public PluginInfo install(byte[] bytes) {
        PluginJar jar = PluginJar.inspect(bytes);
        synchronized (operations) {
            if (dao.find(jar.symbolicName()).isPresent()) {
                throw new InvalidPluginException("a plugin named " + jar.symbolicName()
                        + " is already installed; update it instead");
            }
            installNew(jar, false);
            return find(jar.symbolicName()).orElseThrow();
        }
    }

    /**
     * Replaces an installed plugin's jar with a new one, keeping its desired state.
     *
     * @param symbolicName the plugin to update
     * @param bytes        the new jar, which must carry the same symbolic name
     * @return the plugin as updated
     */
    public PluginInfo update(String symbolicName, byte[] bytes) {
        PluginJar jar = PluginJar.inspect(bytes);
        synchronized (operations) {
            PluginRecord record = recorded(symbolicName);
            if (!jar.symbolicName().equals(symbolicName)) {
                throw new InvalidPluginException("the new jar is " + jar.symbolicName() + ", not " + symbolicName);
            }
            Bundle bundle = bundleOf(symbolicName).orElseThrow(() -> new InvalidPluginException(symbolicName + " is not loaded"));
            boolean wanted = PluginRecord.STARTED.equals(record.desiredState());
            byte[] previous = kept(symbolicName);
            try {
                replace(bundle, jar.bytes());
            } catch (BundleException e) {
                restore(bundle, previous, wanted);
                throw new InvalidPluginException("the new jar could not be installed: " + e.getMessage());
            }
            Optional<String> unmet = resolve(bundle, wanted);
            if (unmet.isPresent()) {
                // it can never run here: put the previous version back, as if nothing happened
                restore(bundle, previous, wanted);
                throw new InvalidPluginException("the new jar's requirements are not met here, so "
                        + symbolicName + " was left as it was: " + unmet.get());
            }
            Path kept = keep(jar);
            dao.updateJar(symbolicName, jar.version(), jar.sha256(), clock.instant());
            LOG.info(() -> "updated plugin " + symbolicName + " to " + jar.version() + " (" + kept + ")");
            return find(symbolicName).orElseThrow();
        }
    }

    /**
     * Starts an installed plugin and remembers that it should run.
     *
     * @param symbolicName the plugin
     * @return the plugin; its state says whether it started
     */
    public PluginInfo start(String symbolicName) {
        synchronized (operations) {
            recorded(symbolicName);
            Bundle bundle = bundleOf(symbolicName).orElseThrow(() -> new InvalidPluginException(symbolicName + " is not loaded"));
            dao.updateDesiredState(symbolicName, PluginRecord.STARTED, clock.instant());
            startRecordingFailure(bundle);
            return find(symbolicName).orElseThrow();
        }
    }

    /**
     * Stops a plugin and remembers that it should stay stopped.
     *
     * @param symbolicName the plugin
     * @return the plugin
     */
    public PluginInfo stop(String symbolicName) {
        synchronized (operations) {
            recorded(symbolicName);
            Bundle bundle = bundleOf(symbolicName).orElseThrow(() -> new InvalidPluginException(symbolicName + " is not loaded"));
            dao.updateDesiredState(symbolicName, PluginRecord.STOPPED, clock.instant());
            try {
                bundle.stop();
            } catch (BundleException e) {
                LOG.log(Level.WARNING, "plugin " + symbolicName + " failed while stopping", e);
            }
            failures.remove(symbolicName);
            return find(symbolicName).orElseThrow();
        }
    }

    /**
     * Uninstalls a plugin. Its tables and their data are kept; purging them is a separate,
     * explicit admin action.
     *
     * @param symbolicName the plugin
     */
    public void uninstall(String symbolicName) {
        synchronized (operations) {
            recorded(symbolicName);
            Optional<Bundle> bundle = bundleOf(symbolicName);
            if (bundle.isPresent()) {
                try {
                    bundle.get().uninstall();
                } catch (BundleException e) {
                    LOG.log(Level.WARNING, "plugin " + symbolicName + " failed while uninstalling", e);
                }
                refresh(List.of(bundle.get()));
            }
            dao.delete(symbolicName);
            failures.remove(symbolicName);
            try {
                Files.deleteIfExists(jarPath(symbolicName));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete the kept jar of " + symbolicName, e);
            }
            LOG.info(() -> "uninstalled plugin " + symbolicName);
        }
    }

    @Override
    public void close() {
        extensions.close();
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException e) {
            LOG.log(Level.WARNING, "the OSGi framework did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a bundle for a moment, swaps its content and refreshes its wiring; it stays stopped. */
    private void replace(Bundle bundle, byte[] bytes) throws BundleException {
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | RuntimeException e) {
            LOG.log(Level.WARNING, "plugin " + bundle.getSymbolicName() + " failed while stopping for an update", e);
        }
        bundle.update(new ByteArrayInputStream(bytes));
        refresh(List.of(bundle));
    }

    /**
     * Resolves a bundle and, when it should run, starts it (a failing activator is recorded as the
     * plugin's failure, as at install).
     *
     * @return why it cannot resolve, when it cannot
     */
    private Optional<String> resolve(Bundle bundle, boolean start) {
        failures.remove(bundle.getSymbolicName());
        if (!start) {
            boolean resolved = framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
            return resolved ? Optional.empty() : Optional.of("its imports cannot be wired to the packages present");
        }
        try {
            startWithin(bundle);
            return Optional.empty();
        } catch (BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR || bundle.getState() == Bundle.INSTALLED) {
                return Optional.of(e.getMessage());
            }
            failures.put(bundle.getSymbolicName(), describeFailure(e));
            LOG.log(Level.WARNING, "plugin " + bundle.getSymbolicName() + " failed to start", e);
            return Optional.empty();
        } catch (RuntimeException e) {
            failures.put(bundle.getSymbolicName(), describeFailure(e));
            LOG.log(Level.WARNING, "plugin " + bundle.getSymbolicName() + " failed to start", e);
            return Optional.empty();
        }
    }

    /** Puts a refused update's previous content back and its state with it. */
    private void restore(Bundle bundle, byte[] previous, boolean start) {
        if (previous == null) {
            LOG.severe(() -> "the kept jar of " + bundle.getSymbolicName() + " is missing; it cannot be restored");
            return;
        }
        try {
            replace(bundle, previous);
            if (start) {
                startRecordingFailure(bundle);
            }
        } catch (BundleException | RuntimeException e) {
            failures.put(bundle.getSymbolicName(), "could not be restored after a refused update: " + e.getMessage());
            LOG.log(Level.SEVERE, "plugin " + bundle.getSymbolicName() + " could not be restored", e);
        }
    }

    private byte[] kept(String symbolicName) {
        try {
            return Files.readAllBytes(jarPath(symbolicName));
        } catch (IOException e) {
            return null;
        }
    }

    private void installBundled(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warning(() -> "bundled plugin directory " + dir + " does not exist; no plugins installed");
            return;
        }
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path path : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try {
                    PluginJar jar = PluginJar.inspect(Files.readAllBytes(path));
                    if (dao.find(jar.symbolicName()).isEmpty()) {
                        keep(jar);
                        dao.insert(new PluginRecord(jar.symbolicName(), jar.version(), jar.sha256(),
                                PluginRecord.STARTED, true, clock.instant(), clock.instant()));
                        LOG.info(() -> "installed bundled plugin " + jar.symbolicName() + " " + jar.version());
                    }
                } catch (RuntimeException | IOException e) {
                    LOG.log(Level.SEVERE, "bundled plugin " + path + " could not be installed", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs every recorded plugin from its kept jar, then starts those meant to run. */
    private void restoreRecorded() {
        BundleContext context = framework.getBundleContext();
        List<Bundle> toStart = new ArrayList<>();
        for (PluginRecord record : dao.all()) {
            Path jar = jarPath(record.symbolicName());
            try {
                byte[] bytes = Files.readAllBytes(jar);
                if (!Hashes.sha256(bytes).equals(record.jarSha256())) {
                    throw new IOException("the kept jar " + jar.getFileName() + " is not the one that was installed "
                            + "(its SHA-256 differs); install the plugin again");
                }
                Bundle bundle = context.installBundle(LOCATION_PREFIX + record.symbolicName(),
                        new ByteArrayInputStream(bytes));
                if (PluginRecord.STARTED.equals(record.desiredState())) {
                    toStart.add(bundle);
                }
            } catch (IOException | BundleException | RuntimeException e) {
                failures.put(record.symbolicName(), "could not be loaded: " + e.getMessage());
                LOG.log(Level.SEVERE, "plugin " + record.symbolicName() + " could not be loaded from " + jar, e);
            }
        }
        for (Bundle bundle : toStart) {
            startRecordingFailure(bundle);
        }
    }

    private void installNew(PluginJar jar, boolean bundled) {
        BundleContext context = framework.getBundleContext();
        Bundle bundle;
        try {
            bundle = context.installBundle(LOCATION_PREFIX + jar.symbolicName(), new ByteArrayInputStream(jar.bytes()));
        } catch (BundleException e) {
            throw new InvalidPluginException("the framework refused the bundle: " + e.getMessage());
        }
        try {
            startWithin(bundle);
        } catch (BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR || bundle.getState() == Bundle.INSTALLED) {
                // it can never run here (missing imports, wrong API version): refuse it outright
                try {
                    bundle.uninstall();
                } catch (BundleException ignored) {
                    // nothing more to undo
                }
                refresh(List.of(bundle));
                throw new InvalidPluginException("the bundle's requirements are not met here: " + e.getMessage());
            }
            failures.put(jar.symbolicName(), describeFailure(e));
            LOG.log(Level.WARNING, "plugin " + jar.symbolicName() + " failed to start", e);
        }
        keep(jar);
        dao.insert(new PluginRecord(jar.symbolicName(), jar.version(), jar.sha256(), PluginRecord.STARTED,
                bundled, clock.instant(), clock.instant()));
        LOG.info(() -> "installed plugin " + jar.symbolicName() + " " + jar.version());
    }

    /**
     * Starts a bundle on a thread of its own and waits for it a bounded time, so that an activator
     * that hangs fails the plugin rather than the admin's request or the kernel's boot. The thread
     * is interrupted and left behind; until the activator returns, the framework keeps the bundle
     * locked in STARTING.
     */
    private void startWithin(Bundle bundle) throws BundleException {
        FutureTask<Void> task = new FutureTask<>(() -> {
            bundle.start();
            return null;
        });
        Thread starter = Thread.ofPlatform().daemon().name("plugin-start-" + bundle.getSymbolicName()).start(task);
        try {
            task.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            starter.interrupt();
            throw new BundleException("it did not finish starting within " + startTimeout.toMillis() + " ms",
                    BundleException.ACTIVATOR_ERROR);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BundleException be) {
                throw be;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new BundleException("it failed to start: " + e.getCause(), BundleException.ACTIVATOR_ERROR, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while it was starting", BundleException.ACTIVATOR_ERROR, e);
        }
    }

    private void startRecordingFailure(Bundle bundle) {
        try {
            startWithin(bundle);
            failures.remove(bundle.getSymbolicName());
        } catch (BundleException | RuntimeException e) {
            failures.put(bundle.getSymbolicName(), describeFailure(e));
            LOG.log(Level.WARNING, "plugin " + bundle.getSymbolicName() + " failed to start", e);
        }
    }

    private static String describeFailure(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
        return "failed to start: " + detail;
    }

    private PluginRecord recorded(String symbolicName) {
        return dao.find(symbolicName).orElseThrow(() -> new PluginNotFoundException(symbolicName));
    }

    private Optional<Bundle> bundleOf(String symbolicName) {
        return Optional.ofNullable(framework.getBundleContext().getBundle(LOCATION_PREFIX + symbolicName));
    }

    private PluginInfo describe(PluginRecord record, Optional<Bundle> bundle) {
        String error = failures.get(record.symbolicName());
        if (error == null && bundle.isPresent() && bundle.get().getState() == Bundle.ACTIVE) {
            // its services are registered, but one was refused (a web extension's migrations, say)
            error = extensions.problem(record.symbolicName()).orElse(null);
        }
        boolean stopped = PluginRecord.STOPPED.equals(record.desiredState());
        String state;
        Set<String> points = new LinkedHashSet<>();
        String name = record.symbolicName();
        String description = "";
        if (bundle.isEmpty()) {
            state = "failed";
        } else {
            Bundle b = bundle.get();
            name = Optional.ofNullable(b.getHeaders().get(Constants.BUNDLE_NAME)).orElse(name);
            description = Optional.ofNullable(b.getHeaders().get(Constants.BUNDLE_DESCRIPTION)).orElse("");
            ServiceReference<?>[] services = b.getState() == Bundle.ACTIVE ? b.getRegisteredServices() : null;
            if (services != null) {
                for (ServiceReference<?> reference : services) {
                    ExtensionRegistry.pointsOf(reference).forEach(p -> points.add(p.displayName()));
                }
            }
            if (error != null) {
                state = "failed";
            } else {
                state = switch (b.getState()) {
                    case Bundle.ACTIVE, Bundle.STARTING -> "active";
                    case Bundle.RESOLVED, Bundle.STOPPING -> "stopped";
                    // not resolved yet: the framework resolves lazily, so a stopped plugin may look so
                    default -> stopped ? "stopped" : "installed";
                };
            }
        }
        return new PluginInfo(record.symbolicName(), name, record.version(), description, state,
                List.copyOf(points), record.bundled(), Optional.ofNullable(error));
    }

    private Path keep(PluginJar jar) {
        Path target = jarPath(jar.symbolicName());
        try {
            Path temp = Files.createTempFile(jarDir, "upload-", ".tmp");
            Files.write(temp, jar.bytes());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the plugin jar in " + jarDir, e);
        }
    }

    private Path jarPath(String symbolicName) {
        return jarDir.resolve(symbolicName + ".jar");
    }

    /** Refreshes wiring after update/uninstall and waits, so old class loaders are let go. */
    private void refresh(List<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                LOG.warning("refreshing bundles took longer than 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The plugin API packages with their versions, read from the API jar's own manifest so that
     * the system bundle exports exactly what the API bundle declares.
     */
    private static String apiExports() {
        try {
            URL location = ImageFormat.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            Manifest manifest;
            if (Files.isDirectory(path)) {
                try (InputStream in = Files.newInputStream(path.resolve("META-INF/MANIFEST.MF"))) {
                    manifest = new Manifest(in);
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    manifest = jar.getManifest();
                }
            }
            String exports = manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            if (exports == null || exports.isBlank()) {
                throw new IllegalStateException("the plugin API at " + path + " exports no packages");
            }
            return exports;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the plugin API's manifest", e);
        }
    }

    private static void installSystemBundles(BundleContext context) {
        Map<String, Path> found = new HashMap<>();
        for (Map.Entry<String, String> bundle : SYSTEM_BUNDLES.entrySet()) {
            try {
                URL location = Class.forName(bundle.getValue(), false, PluginHost.class.getClassLoader())
                        .getProtectionDomain().getCodeSource().getLocation();
                found.put(bundle.getKey(), Path.of(location.toURI()));
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
                throw new IllegalStateException(bundle.getKey() + " is not on the class path; the plugin host needs it", e);
            }
        }
        List<Bundle> installed = new ArrayList<>();
        for (String name : SYSTEM_BUNDLES.keySet()) {
            Path path = found.get(name);
            if (path == null) {
                throw new IllegalStateException(name + " is not on the class path; the plugin host needs it");
            }
            try (InputStream in = Files.newInputStream(path)) {
                installed.add(context.installBundle("atelier:system:" + name, in));
            } catch (IOException | BundleException e) {
                throw new IllegalStateException("cannot install " + name + " into the framework", e);
            }
        }
        for (Bundle bundle : installed) {
            try {
                bundle.start();
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName(), e);
            }
        }
    }
}
