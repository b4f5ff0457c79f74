package org.atelier.plugin.api.feed;

import java.util.Map;
import java.util.Optional;

/**
 * A viewer's ranking choices.
 *
 * @param discoveryShare how much of the feed may come from outside the viewer's network, from 0
 *                       (only followed accounts and tags) to 1 (mostly discovery)
 * @param options        ranker-specific options the viewer set, by name
 */
public record RankingSettings(double discoveryShare, Map<String, String> options) {
    /**
     * Validates the share and copies the options.
     *
     * @param discoveryShare within [0, 1]
     * @param options        ranker-specific options
     */
    public RankingSettings {
        if (!(discoveryShare >= 0.0 && discoveryShare <= 1.0)) {
            throw new IllegalArgumentException("discoveryShare must be within [0, 1]");
        }
        options = Map.copyOf(options);
    }

    /**
     * One ranker-specific option.
     *
     * @param name the option's name
     * @return its value, if the viewer set it
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
