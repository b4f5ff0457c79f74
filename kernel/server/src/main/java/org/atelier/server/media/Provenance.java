package org.atelier.server.media;

import java.util.Objects;
import java.util.Optional;

/**
 * The few provenance facts the AI-filtering work will act on, picked out of an image's metadata
 * before it is stripped. This only records what the file says; what it means (a C2PA manifest
 * can be forged or stripped, text chunks can be written by anyone) is the detectors' business.
 *
 * @param c2paManifest      a C2PA manifest store is embedded (JPEG APP11 JUMBF labelled
 *                          {@code c2pa}, PNG {@code caBX} chunk, WebP {@code C2PA} chunk); presence only
 * @param digitalSourceType the IPTC / XMP {@code DigitalSourceType} value, for example
 *                          {@code http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia}
 * @param sdParameters      a PNG text chunk {@code parameters} (AUTOMATIC1111 / Stable Diffusion web UI)
 * @param comfyPrompt       a PNG text chunk {@code prompt} (ComfyUI)
 * @param comfyWorkflow     a PNG text chunk {@code workflow} (ComfyUI)
 * @param software          EXIF (or PNG text) {@code Software}
 * @param gps               the file carried GPS tags (they are never copied into renditions)
 */
public record Provenance(boolean c2paManifest, Optional<String> digitalSourceType, Optional<String> sdParameters,
                         Optional<String> comfyPrompt, Optional<String> comfyWorkflow, Optional<String> software,
                         boolean gps) {

    /**
     * Validates the components.
     *
     * @param c2paManifest      a C2PA manifest is present
     * @param digitalSourceType the DigitalSourceType value
     * @param sdParameters      the {@code parameters} text
     * @param comfyPrompt       the {@code prompt} text
     * @param comfyWorkflow     the {@code workflow} text
     * @param software          the Software value
     * @param gps               GPS tags were present
     */
    public Provenance {
        Objects.requireNonNull(digitalSourceType, "digitalSourceType");
        Objects.requireNonNull(sdParameters, "sdParameters");
        Objects.requireNonNull(comfyPrompt, "comfyPrompt");
        Objects.requireNonNull(comfyWorkflow, "comfyWorkflow");
        Objects.requireNonNull(software, "software");
    }

    /**
     * Nothing found.
     *
     * @return an empty summary
     */
    public static Provenance none() {
        return new Provenance(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    /**
     * Whether the file carried any generator text chunk (A1111 or ComfyUI).
     *
     * @return true if {@code parameters}, {@code prompt} or {@code workflow} was present
     */
    public boolean generatorTextChunks() {
        return sdParameters.isPresent() || comfyPrompt.isPresent() || comfyWorkflow.isPresent();
    }
}
