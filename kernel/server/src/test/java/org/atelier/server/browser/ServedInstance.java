package org.atelier.server.browser;

import java.net.URI;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The instance a browser test class drives: a real Atelier on H2, started before the class's
 * tests and stopped after them, optionally with the owner's admin account already set up.
 * Register it as a static extension before the {@link Browser}.
 */
final class ServedInstance implements BeforeAllCallback, AfterAllCallback {
    private final boolean withOwner;
    private TestInstance instance;

    private ServedInstance(boolean withOwner) {
        this.withOwner = withOwner;
    }

    /** @return an instance still waiting for its first-run setup */
    static ServedInstance fresh() {
        return new ServedInstance(false);
    }

    /** @return an instance whose admin {@code owner} exists (password {@link TestInstance#PASSWORD}) */
    static ServedInstance withOwner() {
        return new ServedInstance(true);
    }

    /** @return the running instance */
    TestInstance get() {
        return instance;
    }

    /** @return where the browser reaches it */
    URI uri() {
        return instance.atelier().localUri();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        instance = TestInstance.start(TestDatabase.Kind.H2);
        if (withOwner) {
            instance.createAdmin("owner");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (instance != null) {
            instance.close();
        }
    }
}
