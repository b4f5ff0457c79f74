package org.atelier.server.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.atelier.plugin.api.PluginException;

/**
 * Every call from the kernel into plugin code goes through here: it runs on its own virtual
 * thread, bounded by a timeout, and whatever the plugin throws — an exception, an error, a
 * {@link NoClassDefFoundError} because its bundle was uninstalled mid-call — becomes a
 * {@link PluginCallException} for the caller to turn into a clean error for that feature only.
 *
 * <p>A call that hangs cannot be killed in Java; it is interrupted and abandoned, and the request
 * that made it moves on. Thread-safe.
 */
public final class PluginCalls implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginCalls.class.getName());

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("plugin-call-", 0).factory());
    private final Duration timeout;

    /**
     * Creates the call gate.
     *
     * @param timeout how long one call may take
     */
    public PluginCalls(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The default timeout of calls.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Calls into a plugin with the default timeout.
     *
     * @param what   a description for logs and errors, such as {@code embeds/youtube}
     * @param call   the call
     * @param <T>    what it returns
     * @return what the plugin returned
     * @throws PluginCallException when it threw or took too long
     */
    public <T> T call(String what, Callable<T> call) {
        return call(what, timeout, call);
    }

    /**
     * Calls into a plugin.
     *
     * @param what    a description for logs and errors
     * @param limit   how long it may take
     * @param call    the call
     * @param <T>     what it returns
     * @return what the plugin returned
     * @throws PluginCallException when it threw or took too long
     */
    public <T> T call(String what, Duration limit, Callable<T> call) {
        Future<T> future;
        try {
            future = executor.submit(call);
        } catch (RuntimeException e) {
            throw new PluginCallException(what, PluginCallException.Kind.FAILED, "the plugin host is shutting down", e);
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warning(() -> "plugin call " + what + " exceeded " + limit.toMillis() + " ms and was abandoned");
            throw new PluginCallException(what, PluginCallException.Kind.TIMEOUT,
                    "the plugin did not answer within " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof PluginException ? cause.getMessage() : "the plugin failed";
            LOG.log(Level.WARNING, "plugin call " + what + " failed", cause);
            throw new PluginCallException(what, PluginCallException.Kind.FAILED, message, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(what, PluginCallException.Kind.FAILED, "interrupted", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
