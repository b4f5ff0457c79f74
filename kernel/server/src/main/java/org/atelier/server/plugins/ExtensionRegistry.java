package org.atelier.server.plugins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks the plugin services registered for each {@link ExtensionPoint}, as they come and go.
 *
 * <p>Callers ask for the services present <em>now</em> on every use and never keep them: a
 * plugin may be stopped or uninstalled a moment later. Listeners hear of services appearing and
 * disappearing (web extensions run their migrations then). Thread-safe.
 */
public final class ExtensionRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ExtensionRegistry.class.getName());

    /**
     * A service present right now, with where it came from.
     *
     * @param service   the service object
     * @param bundle    the symbolic name of the plugin that registered it
     * @param serviceId the framework's id for the registration
     * @param <T>       the service type
     */
    public record Tracked<T>(T service, String bundle, long serviceId) {
    }

    /** Hears of services appearing and disappearing. */
    public interface Listener {
        /**
         * A service appeared. A listener that cannot use it throws, with a message for the admin:
         * the registry remembers it as the plugin's problem until the service goes away.
         *
         * @param point   its extension point
         * @param tracked the service
         */
        void added(ExtensionPoint point, Tracked<?> tracked);

        /**
         * A service is going away.
         *
         * @param point   its extension point
         * @param tracked the service
         */
        void removed(ExtensionPoint point, Tracked<?> tracked);
    }

    private final Map<ExtensionPoint, ServiceTracker<Object, Tracked<Object>>> trackers =
            new EnumMap<>(ExtensionPoint.class);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Problem> problems = new ConcurrentHashMap<>();

    /** Why a listener could not use a service. */
    private record Problem(String bundle, String message) {
    }

    /**
     * Starts tracking in a framework.
     *
     * @param context the system bundle's context
     */
    public ExtensionRegistry(BundleContext context) {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            ServiceTracker<Object, Tracked<Object>> tracker = new ServiceTracker<>(context,
                    point.serviceType().getName(), new Customizer(context, point));
            trackers.put(point, tracker);
        }
    }

    /**
     * Opens the trackers; listeners registered before see every service already present.
     */
    public void open() {
        trackers.values().forEach(t -> t.open(false));
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * The services present now for a point, highest service ranking first, then oldest first.
     *
     * @param point the extension point
     * @param type  the point's service interface
     * @param <T>   the service type
     * @return the services; empty when no plugin provides the point
     */
    @SuppressWarnings("unchecked")
    public <T> List<Tracked<T>> services(ExtensionPoint point, Class<T> type) {
        if (point.serviceType() != type) {
            throw new IllegalArgumentException(type + " is not the service type of " + point);
        }
        ServiceTracker<Object, Tracked<Object>> tracker = trackers.get(point);
        Map<ServiceReference<Object>, Tracked<Object>> tracked = tracker.getTracked();
        List<Map.Entry<ServiceReference<Object>, Tracked<Object>>> entries = new ArrayList<>(tracked.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.reverseOrder()));
        List<Tracked<T>> result = new ArrayList<>(entries.size());
        for (Map.Entry<ServiceReference<Object>, Tracked<Object>> entry : entries) {
            result.add((Tracked<T>) (Tracked<?>) entry.getValue());
        }
        return result;
    }

    /**
     * Why a plugin's service is present but not used, for the admin: a listener refused it (a web
     * extension whose migrations were refused, say).
     *
     * @param bundle the plugin's symbolic name
     * @return the first problem of its services present now, if any
     */
    public Optional<String> problem(String bundle) {
        return problems.entrySet().stream()
                .filter(e -> e.getValue().bundle().equals(bundle))
                .min(Map.Entry.comparingByKey())
                .map(e -> e.getValue().message());
    }

    /**
     * Which extension points a service registration provides, from its {@code objectClass}.
     *
     * @param reference the registration
     * @return the points, possibly none
     */
    public static List<ExtensionPoint> pointsOf(ServiceReference<?> reference) {
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        if (!(classes instanceof String[] names)) {
            return List.of();
        }
        return Arrays.stream(names).map(ExtensionPoint::ofServiceName).flatMap(java.util.Optional::stream).toList();
    }

    @Override
    public void close() {
        trackers.values().forEach(ServiceTracker::close);
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, Tracked<Object>> {
        private final BundleContext context;
        private final ExtensionPoint point;

        Customizer(BundleContext context, ExtensionPoint point) {
            this.context = context;
            this.point = point;
        }

        @Override
        public Tracked<Object> addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            if (service == null) {
                return null;
            }
            Tracked<Object> tracked = new Tracked<>(service, reference.getBundle().getSymbolicName(),
                    (Long) reference.getProperty(Constants.SERVICE_ID));
            for (Listener listener : listeners) {
                try {
                    listener.added(point, tracked);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "a " + point.displayName() + " of " + tracked.bundle() + " is not used: " + e.getMessage());
                    problems.put(tracked.serviceId(), new Problem(tracked.bundle(),
                            Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName())));
                }
            }
            return tracked;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Tracked<Object> tracked) {
            // service properties are not used for dispatch
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Tracked<Object> tracked) {
            for (Listener listener : listeners) {
                try {
                    listener.removed(point, tracked);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a listener failed on the removal of a service of " + tracked.bundle(), e);
                }
            }
            problems.remove(tracked.serviceId());
            context.ungetService(reference);
        }
    }
}
