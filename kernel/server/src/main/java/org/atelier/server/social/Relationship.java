package org.atelier.server.social;

/**
 * What stands between the viewer and another account, for a profile's buttons.
 *
 * @param following   the viewer follows the account (accepted)
 * @param requested   the viewer asked to follow and waits for approval
 * @param followedBy  the account follows the viewer (accepted)
 * @param requestedBy the account asked to follow the viewer
 * @param blocking    the viewer blocks the account
 * @param blockedBy   the account blocks the viewer
 * @param muting      the viewer mutes the account
 */
public record Relationship(boolean following, boolean requested, boolean followedBy, boolean requestedBy,
                           boolean blocking, boolean blockedBy, boolean muting) {
    /** Nothing between the two: what a signed-out visitor or the account itself sees. */
    public static final Relationship NONE = new Relationship(false, false, false, false, false, false, false);
}
