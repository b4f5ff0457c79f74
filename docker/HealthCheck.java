import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Container health probe: exits 0 when GET /health on the local server answers 200, else 1.
 *
 * <p>Compiled into the image at build time (the runtime image is a JRE, which has no compiler)
 * and run by the Dockerfile's HEALTHCHECK, so the image needs no curl or wget. It reads the
 * same ATELIER_PORT / ATELIER_BIND variables as the server.
 */
public final class HealthCheck {
    public static void main(String[] args) {
        String port = env("ATELIER_PORT", "8080");
        String bind = env("ATELIER_BIND", "0.0.0.0");
        // A wildcard bind answers on loopback; a specific address must be asked directly.
        String host = switch (bind) {
            case "0.0.0.0", "::", "[::]", "*" -> "127.0.0.1";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create("http://" + host + ":" + port + "/health").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(4000);
            c.setInstanceFollowRedirects(false);
            int status = c.getResponseCode();
            c.disconnect();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println("unhealthy: GET /health answered " + status);
        } catch (Exception e) {
            System.err.println("unhealthy: " + e);
        }
        System.exit(1);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
