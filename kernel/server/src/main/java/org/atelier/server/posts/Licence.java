package org.atelier.server.posts;

import java.util.Optional;

/** The licences an artist can put a work under. */
public enum Licence {
    /** No licence granted. */
    ALL_RIGHTS_RESERVED("all-rights-reserved", "All rights reserved", ""),
    /** Public domain dedication. */
    CC0("cc0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    /** Attribution. */
    CC_BY("cc-by", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    /** Attribution, share alike. */
    CC_BY_SA("cc-by-sa", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    /** Attribution, non-commercial. */
    CC_BY_NC("cc-by-nc", "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    /** Attribution, non-commercial, share alike. */
    CC_BY_NC_SA("cc-by-nc-sa", "CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    /** Attribution, no derivatives. */
    CC_BY_ND("cc-by-nd", "CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/");

    private final String key;
    private final String label;
    private final String url;

    Licence(String key, String label, String url) {
        this.key = key;
        this.label = label;
        this.url = url;
    }

    /** @return the name used in the API, forms and the database */
    public String key() {
        return key;
    }

    /** @return the name shown to people */
    public String label() {
        return label;
    }

    /** @return the licence's deed, empty for all rights reserved */
    public String url() {
        return url;
    }

    /**
     * Reads a key.
     *
     * @param key the key
     * @return the licence, if the key names one
     */
    public static Optional<Licence> of(String key) {
        for (Licence l : values()) {
            if (l.key.equals(key)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
