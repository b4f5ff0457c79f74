package org.atelier.server.http;

/**
 * A kernel route's handler, given the prepared {@link Exchange}. Throw {@link HttpError} (or an
 * account error) for a clean error response.
 */
@FunctionalInterface
public interface KernelRoute {

    /**
     * Handles the exchange.
     *
     * @param exchange the exchange
     * @throws Exception anything unexpected becomes a 500 that reveals nothing
     */
    void handle(Exchange exchange) throws Exception;
}
