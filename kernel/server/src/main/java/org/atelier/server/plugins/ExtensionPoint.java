package org.atelier.server.plugins;

import java.util.Arrays;
import java.util.Optional;
import org.atelier.plugin.api.cloak.ImageCloak;
import org.atelier.plugin.api.detect.ImageDetector;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.atelier.plugin.api.feed.FeedRanker;
import org.atelier.plugin.api.web.WebExtension;

/**
 * The five extension points plugins can provide, and the service interface of each.
 */
public enum ExtensionPoint {
    /** Judges whether images are AI-generated. */
    IMAGE_DETECTOR(ImageDetector.class),
    /** Cloaks renditions against style mimicry. */
    IMAGE_CLOAK(ImageCloak.class),
    /** Turns links into safe embeds. */
    EMBED_PROVIDER(EmbedProvider.class),
    /** Orders home feeds. */
    FEED_RANKER(FeedRanker.class),
    /** Adds routes, pages and tables. */
    WEB_EXTENSION(WebExtension.class);

    private final Class<?> serviceType;

    ExtensionPoint(Class<?> serviceType) {
        this.serviceType = serviceType;
    }

    /**
     * The service interface plugins register.
     *
     * @return the interface
     */
    public Class<?> serviceType() {
        return serviceType;
    }

    /**
     * The name shown to admins: the interface's simple name.
     *
     * @return for example {@code EmbedProvider}
     */
    public String displayName() {
        return serviceType.getSimpleName();
    }

    /**
     * Finds the point a service interface name belongs to.
     *
     * @param className a fully qualified interface name from a service's {@code objectClass}
     * @return the point, if it is one of ours
     */
    public static Optional<ExtensionPoint> ofServiceName(String className) {
        return Arrays.stream(values()).filter(p -> p.serviceType.getName().equals(className)).findFirst();
    }
}
