package org.atelier.plugin.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request routed to an extension. All values are hostile input until the handler checked them.
 */
public interface WebRequest {

    /**
     * The HTTP method.
     *
     * @return the method
     */
    HttpMethod method();

    /**
     * The request path, decoded, without the query.
     *
     * @return for example {@code /jobs/42}
     */
    String path();

    /**
     * A path parameter of the route pattern.
     *
     * @param name the name inside braces in the pattern
     * @return its decoded value, if the pattern has it
     */
    Optional<String> pathParam(String name);

    /**
     * The first value of a query parameter.
     *
     * @param name the parameter name
     * @return its decoded value, if present
     */
    Optional<String> query(String name);

    /**
     * The first value of a form field of a {@code application/x-www-form-urlencoded} body.
     *
     * @param name the field name
     * @return its value, if present
     */
    Optional<String> form(String name);

    /**
     * A JSON body parsed into maps, lists, strings, numbers, booleans and nulls.
     *
     * @return the parsed body, or empty when the body is not a JSON object
     */
    Optional<Map<String, Object>> jsonBody();

    /**
     * The values of a request header.
     *
     * @param name the header name, case-insensitive
     * @return the values; empty when absent
     */
    List<String> header(String name);

    /**
     * The signed-in account, if any.
     *
     * @return the viewer
     */
    Optional<Viewer> viewer();

    /**
     * The instance's public base URL, for building absolute links.
     *
     * @return for example {@code https://art.example}
     */
    URI baseUri();

    /**
     * The extension's own database access, limited to its tables by convention and by the
     * kernel's migration checks.
     *
     * @return the database
     */
    PluginDatabase database();
}
