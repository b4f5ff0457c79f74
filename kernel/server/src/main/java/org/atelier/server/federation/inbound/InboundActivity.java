package org.atelier.server.federation.inbound;

/**
 * A received activity, verified and stored.
 *
 * @param id          its row
 * @param activityId  the activity's id
 * @param type        its type
 * @param actorId     the actor who sent it (the owner of the key that signed it)
 * @param keyId       the key that signed it
 * @param recipientId the local account whose inbox it came to; null for the shared inbox
 * @param body        the activity as received (JSON)
 * @param state       {@code received}, {@code processed} or {@code unhandled}
 */
public record InboundActivity(long id, String activityId, String type, String actorId, String keyId, Long recipientId,
                              String body, String state) {
}
