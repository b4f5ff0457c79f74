package org.atelier.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.atelier.server.config.AtelierConfig;
import org.atelier.server.config.ConfigLoader;

/**
 * Starts Atelier: {@code java -jar atelier-server.jar [--config atelier.yaml]}. Without
 * {@code --config}, {@code atelier.yaml} in the working directory is read when it exists, or
 * the file named by {@code ATELIER_CONFIG}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --config <file>} optionally
     */
    public static void main(String[] args) {
        long started = System.nanoTime();
        Optional<Path> file = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                file = Optional.of(Path.of(args[++i]));
            } else {
                System.err.println("usage: atelier-server [--config atelier.yaml]");
                System.exit(2);
            }
        }
        if (file.isEmpty()) {
            file = Optional.ofNullable(System.getenv("ATELIER_CONFIG")).map(Path::of)
                    .or(() -> Optional.of(Path.of("atelier.yaml")).filter(Files::isRegularFile));
        }
        AtelierConfig config;
        try {
            config = ConfigLoader.fromSystem().load(file);
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Atelier atelier = Atelier.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(atelier::close, "atelier-shutdown"));
        System.out.printf("Atelier started in %d ms: http://localhost:%d%n",
                (System.nanoTime() - started) / 1_000_000, atelier.port());
    }
}
