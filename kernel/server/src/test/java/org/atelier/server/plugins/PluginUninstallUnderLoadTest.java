package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.atelier.server.testing.TestInstance;
import org.atelier.server.testplugins.slow.SlowActivator;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uninstalling a plugin while requests are inside it: every request still gets an answer (the
 * plugin's, a 404 once it is gone, or a clean 502/504 for one caught mid-way), the route is gone
 * afterwards, the kernel stays healthy, and reinstalling brings the route back.
 */
class PluginUninstallUnderLoadTest {
    private static final String SLOW = PluginTesting.name("slow");
    private static final Set<Integer> ACCEPTABLE = Set.of(200, 404, 502, 504);
    private static final int CLIENTS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void uninstallWhileRequestsAreInFlight(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient admin = PluginTesting.owner(instance);
            byte[] jar = PluginTesting.bundle("slow", SlowActivator.class);
            PluginTesting.installActive(admin, jar);
            BrowserClient visitor = instance.client();
            assertStatus(200, visitor.get("/x-slow/work"));

            URI target = instance.atelier().localUri().resolve("/x-slow/work");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<long[]> spans = new CopyOnWriteArrayList<>();
            AtomicBoolean uninstalled = new AtomicBoolean();
            AtomicInteger afterUninstall = new AtomicInteger();
            AtomicInteger okAfterUninstall = new AtomicInteger();
            CountDownLatch warmedUp = new CountDownLatch(CLIENTS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    boolean counted = false;
                    int after = 0;
                    while (after < 4 && System.nanoTime() < deadline) {
                        boolean wasUninstalled = uninstalled.get();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                            spans.add(new long[] {sent, System.nanoTime()});
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                            if (!ACCEPTABLE.contains(response.statusCode())) {
                                failures.add(response.statusCode() + ": " + PluginTesting.abbreviate(response.body()));
                            }
                            if (wasUninstalled) {
                                after++;
                                afterUninstall.incrementAndGet();
                                if (response.statusCode() == 200) {
                                    okAfterUninstall.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        if (!counted) {
                            counted = true;
                            warmedUp.countDown();
                        }
                    }
                    return null;
                });
            }
            assertTrue(warmedUp.await(10, TimeUnit.SECONDS), "the clients did not get going");
            Thread.sleep(150); // let a wave of requests get inside the handler
            long uninstallStarted = System.nanoTime();
            HttpResponse<String> removed = PluginTesting.uninstall(admin, SLOW);
            long uninstallDone = System.nanoTime();
            uninstalled.set(true);
            assertStatus(204, removed);
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - uninstallStarted) < 10_000,
                    "uninstalling waited for the requests");
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "a client hung");

            Map<Integer, Integer> seen = new TreeMap<>();
            statuses.forEach((status, count) -> seen.put(status, count.get()));
            long inFlight = spans.stream().filter(span -> span[0] < uninstallDone && span[1] > uninstallStarted).count();
            System.out.println("uninstall under load (" + kind + "): statuses " + seen + ", " + inFlight
                    + " requests in flight while the plugin was uninstalled");
            assertTrue(inFlight >= 1, "no request was in flight during the uninstall; the test proves nothing");
            assertTrue(failures.isEmpty(), "unacceptable answers " + failures + " among " + seen);
            assertTrue(seen.getOrDefault(200, 0) >= CLIENTS, "the plugin answered before the uninstall: " + seen);
            assertTrue(afterUninstall.get() >= CLIENTS, "requests after the uninstall: " + seen);
            assertEquals(0, okAfterUninstall.get(), "the plugin still answered after it was uninstalled: " + seen);
            assertTrue(seen.getOrDefault(404, 0) >= CLIENTS, "the route should be gone: " + seen);

            assertStatus(404, visitor.get("/x-slow/work"));
            assertStatus(200, visitor.get("/health"));
            assertStatus(200, visitor.get("/"));
            assertTrue(PluginTesting.listed(admin, SLOW).isEmpty());

            PluginTesting.installActive(admin, jar);
            HttpResponse<String> back = visitor.get("/x-slow/work");
            assertStatus(200, back);
            assertEquals("done", back.body());
        }
    }
}
