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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.atelier.plugin.api.ImageFormat;
import org.atelier.server.store.Database;
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
            Path kept = keep(jar);
            try {
                bundle.update(new ByteArrayInputStream(jar.bytes()));
                refresh(List.of(bundle));
                failures.remove(symbolicName);
                if (PluginRecord.STARTED.equals(record.desiredState())) {
                    startRecordingFailure(bundle);
                }
            } catch (BundleException e) {
                throw new InvalidPluginException("the new jar could not be installed: " + e.getMessage());
            }
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
            try (InputStream in = Files.newInputStream(jar)) {
                Bundle bundle = context.installBundle(LOCATION_PREFIX + record.symbolicName(), in);
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
            bundle.start();
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

    private void startRecordingFailure(Bundle bundle) {
        try {
            bundle.start();
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
            state = switch (b.getState()) {
                case Bundle.ACTIVE, Bundle.STARTING -> error != null ? "failed" : "active";
                case Bundle.RESOLVED, Bundle.STOPPING -> error != null ? "failed" : "stopped";
                default -> error != null ? "failed" : "installed";
            };
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
