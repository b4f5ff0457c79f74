package org.atelier.plugin.api.detect;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an image came from: uploaded by a local artist, or fetched from another instance.
 *
 * @param kind        local upload or remote
 * @param remoteHost  for remote images, the host of the instance that sent it
 * @param remoteUrl   for remote images, the URL it was fetched from
 */
public record ImageOrigin(Kind kind, Optional<String> remoteHost, Optional<URI> remoteUrl) {

    /** The two ways an image reaches Atelier. */
    public enum Kind {
        /** Uploaded by an account of this instance. */
        LOCAL_UPLOAD,
        /** Attached to a post federated from another instance. */
        REMOTE
    }

    /**
     * Validates that remote origins name their host and URL, and local ones neither.
     *
     * @param kind       local upload or remote
     * @param remoteHost the sending instance's host, for remote images
     * @param remoteUrl  the URL fetched, for remote images
     */
    public ImageOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remoteHost, "remoteHost");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        if ((kind == Kind.REMOTE) != (remoteHost.isPresent() && remoteUrl.isPresent())) {
            throw new IllegalArgumentException("remote origins, and only they, carry host and URL");
        }
    }

    /**
     * An image uploaded by a local artist.
     *
     * @return the local-upload origin
     */
    public static ImageOrigin localUpload() {
        return new ImageOrigin(Kind.LOCAL_UPLOAD, Optional.empty(), Optional.empty());
    }

    /**
     * An image fetched from another instance.
     *
     * @param url where it was fetched from; its host names the instance
     * @return the remote origin
     */
    public static ImageOrigin remote(URI url) {
        return new ImageOrigin(Kind.REMOTE, Optional.of(url.getHost()), Optional.of(url));
    }
}
