package org.atelier.plugin.embeds.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atelier.plugin.api.embed.AspectRatio;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Embeds Sketchfab 3D models in Sketchfab's own viewer, titled from the model page's slug.
 */
@Component(service = EmbedProvider.class)
public final class SketchfabEmbedProvider implements EmbedProvider {

    private static final Set<String> HOSTS = Set.of("sketchfab.com", "www.sketchfab.com");
    private static final Pattern MODEL_ID = Pattern.compile("[0-9a-f]{32}");
    // A model page is /3d-models/<slug>-<id>; the slug is only ever read through slugTitle.
    private static final Pattern SLUG_AND_ID = Pattern.compile("(?:(.*)-)?([0-9a-f]{32})");
    private static final Pattern NOT_TITLE_TEXT = Pattern.compile("[^A-Za-z0-9 ]");
    private static final int MAX_TITLE = 80;
    // Sketchfab's own embed code frames its viewer at 640 by 480.
    private static final AspectRatio VIEWER = new AspectRatio(4, 3);

    private record Model(String id, Optional<String> title) { }

    /** Creates the provider; it holds no state. */
    public SketchfabEmbedProvider() {
    }

    @Override
    public String id() {
        return "sketchfab";
    }

    @Override
    public Optional<Embed> embed(URI url) {
        return CheckedUrl.of(url)
                .filter(checked -> HOSTS.contains(checked.host()))
                .flatMap(checked -> model(checked.segments()))
                .map(model -> new Embed("Sketchfab",
                        URI.create("https://sketchfab.com/models/" + model.id() + "/embed"),
                        URI.create("https://sketchfab.com/3d-models/" + model.id()),
                        model.title(),
                        Optional.empty(),
                        VIEWER));
    }

    private static Optional<Model> model(List<String> path) {
        boolean modelPath = (path.size() == 2 || (path.size() == 3 && path.get(2).equals("embed")))
                && path.get(0).equals("models");
        if (modelPath && MODEL_ID.matcher(path.get(1)).matches()) {
            return Optional.of(new Model(path.get(1), Optional.empty()));
        }
        if (path.size() == 2 && path.get(0).equals("3d-models")) {
            Matcher page = SLUG_AND_ID.matcher(path.get(1));
            if (page.matches()) {
                return Optional.of(new Model(page.group(2), slugTitle(page.group(1))));
            }
        }
        return Optional.empty();
    }

    /**
     * Turns a slug into display text: letters, digits and single spaces only, so nothing in it
     * can be markup or a link whatever the slug held.
     */
    static Optional<String> slugTitle(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        String text = NOT_TITLE_TEXT.matcher(slug.replace('-', ' ').replace('_', ' ')).replaceAll("")
                .trim().replaceAll(" +", " ");
        if (text.length() > MAX_TITLE) {
            int lastSpace = text.lastIndexOf(' ', MAX_TITLE);
            text = text.substring(0, lastSpace > 0 ? lastSpace : MAX_TITLE);
        }
        return text.isEmpty()
                ? Optional.empty()
                : Optional.of(Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }
}
