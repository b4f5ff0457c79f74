package org.atelier.plugin.api.cloak;

/**
 * Produces a cloaked rendition of an image: a version that looks the same to people but misleads
 * models trained on it.
 *
 * <p>Cloaking may take seconds to minutes, so the kernel runs it as a job on its durable queue,
 * shows the artist the progress reported through the {@link ProgressSink}, and asks the cloak to
 * stop through the {@link CancellationSignal}. Detection always runs before cloaking. With no cloak
 * present, the cloaking option is hidden.
 *
 * <p>A cloak that needs a neural network reaches it through the kernel's model runtime, never by
 * loading native libraries itself: native code can be loaded by one class loader only, and a
 * plugin's class loader changes each time it is reinstalled.
 */
public interface ImageCloak {

    /**
     * A stable identifier for this cloak, recorded with every rendition it produced.
     *
     * @return for example {@code feature-shift}
     */
    String id();

    /**
     * Cloaks one rendition.
     *
     * @param request  the rendition and the artist's settings
     * @param progress where to report progress; report often enough that a person sees movement
     * @param cancel   checked between steps; when it is set, stop promptly by throwing
     *                 {@link CloakCancelledException}
     * @return the cloaked image and a report of what was done
     * @throws CloakCancelledException when the cancellation signal was seen
     */
    CloakResult cloak(CloakRequest request, ProgressSink progress, CancellationSignal cancel);
}
