package org.atelier.server;

/**
 * A refusal caused by the request, not by a fault of ours: it carries the HTTP status to answer
 * with and a message fit to show to the person who asked. Domain exceptions (accounts, media,
 * plugins) implement it so that the web layer answers them all the same way without knowing
 * each type.
 */
public interface ClientError {

    /**
     * The HTTP status to answer with.
     *
     * @return a 4xx status
     */
    int status();

    /**
     * What to show, in words the person who asked can act on.
     *
     * @return the message
     */
    String getMessage();
}
