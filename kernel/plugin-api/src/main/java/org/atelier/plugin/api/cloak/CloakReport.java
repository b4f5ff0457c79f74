package org.atelier.plugin.api.cloak;

import java.util.List;
import java.util.Map;

/**
 * What a cloak did, shown to the artist beside the result.
 *
 * @param budgetAllowed the largest per-pixel change allowed by the settings, in 0–255 units
 * @param budgetUsed    the largest per-pixel change actually made, in 0–255 units
 * @param quality       quality figures by name (for example {@code psnr} in dB, {@code ssim})
 * @param notes         anything else the artist should know, in plain words
 */
public record CloakReport(double budgetAllowed, double budgetUsed, Map<String, Double> quality,
                          List<String> notes) {
    /**
     * Copies the collections and validates the budget.
     *
     * @param budgetAllowed the allowed per-pixel change
     * @param budgetUsed    the per-pixel change made, not above the allowance
     * @param quality       quality figures by name
     * @param notes         plain-word notes
     */
    public CloakReport {
        if (budgetAllowed < 0 || budgetUsed < 0) {
            throw new IllegalArgumentException("budgets cannot be negative");
        }
        quality = Map.copyOf(quality);
        notes = List.copyOf(notes);
    }
}
