package org.atelier.plugin.api.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata the kernel read from an image's original bytes, before stripping it.
 *
 * <p>Entries keep the order they were found in. Directory names follow the reader's names (for
 * example {@code Exif IFD0}, {@code XMP}, {@code PNG-tEXt}, {@code IPTC}); a directory may hold
 * the same tag more than once (PNG text chunks do).
 *
 * @param entries every tag read, as directory, tag name and value
 */
public record ImageMetadata(List<Entry> entries) {

    /**
     * One metadata tag.
     *
     * @param directory where it was found, for example {@code PNG-tEXt}
     * @param tag       its name, for example {@code parameters}
     * @param value     its value as text
     */
    public record Entry(String directory, String tag, String value) {
        /**
         * Validates the components.
         *
         * @param directory where it was found
         * @param tag       its name
         * @param value     its value as text
         */
        public Entry {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Copies the entries.
     *
     * @param entries every tag read
     */
    public ImageMetadata {
        entries = List.copyOf(entries);
    }

    /**
     * The first value of a tag, looked up case-insensitively by directory and tag name.
     *
     * @param directory the directory name
     * @param tag       the tag name
     * @return the value, if the tag was present
     */
    public Optional<String> first(String directory, String tag) {
        return entries.stream()
                .filter(e -> e.directory().equalsIgnoreCase(directory) && e.tag().equalsIgnoreCase(tag))
                .map(Entry::value)
                .findFirst();
    }

    /**
     * Metadata with no entries, for images that carried none.
     *
     * @return empty metadata
     */
    public static ImageMetadata empty() {
        return new ImageMetadata(List.of());
    }
}
