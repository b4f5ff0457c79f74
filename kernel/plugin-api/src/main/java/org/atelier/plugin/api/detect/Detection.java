package org.atelier.plugin.api.detect;

import java.util.List;
import java.util.Objects;

/**
 * A detector's answer about one image.
 *
 * @param verdict    what the detector concluded
 * @param confidence how sure it is, from 0 (a guess) to 1 (certain, such as a signed declaration)
 * @param evidence   what the conclusion rests on; empty only for {@link Verdict#UNKNOWN}
 */
public record Detection(Verdict verdict, double confidence, List<Evidence> evidence) {
    /**
     * Validates the components and copies the evidence list.
     *
     * @param verdict    what the detector concluded
     * @param confidence between 0 and 1
     * @param evidence   what the conclusion rests on
     */
    public Detection {
        Objects.requireNonNull(verdict, "verdict");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty() && verdict != Verdict.UNKNOWN) {
            throw new IllegalArgumentException("a " + verdict + " verdict needs evidence");
        }
    }

    /**
     * The answer of a detector that found nothing to go on.
     *
     * @return an {@link Verdict#UNKNOWN} detection with no evidence
     */
    public static Detection unknown() {
        return new Detection(Verdict.UNKNOWN, 0.0, List.of());
    }
}
