package org.atelier.server.testplugins.hanging;

/** Blocks like badly written plugin code: for a minute, shrugging off interrupts. */
final class Hang {
    private Hang() {
    }

    static void forAMinute() {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ignored) {
                // badly behaved: keeps hanging
            }
        }
    }
}
