package org.atelier.server.profiles;

/**
 * A link on a profile.
 *
 * @param label what it says
 * @param url   where it goes (http or https)
 */
public record ProfileLink(String label, String url) {
}
