package org.atelier.server.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process listeners told the queue name when a job becomes due at once, so that idle
 * {@link JobWorker}s poll now rather than at their next tick. Thread-safe.
 */
final class EnqueueListeners {
    private static final System.Logger LOG = System.getLogger(JobQueue.class.getName());

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<String> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<String> listener) {
        listeners.remove(listener);
    }

    void notify(String queue) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(queue);
            } catch (RuntimeException e) {
                // A wake-up is only a nicety: the job is committed and will be polled anyway.
                LOG.log(System.Logger.Level.WARNING, "enqueue listener failed", e);
            }
        }
    }
}
