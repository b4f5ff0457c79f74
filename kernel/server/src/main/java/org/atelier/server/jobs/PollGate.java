package org.atelier.server.jobs;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything a {@link JobWorker}'s poller waits on, behind one lock: free run slots, wake-ups from
 * in-process enqueues, and shutdown. One condition serves all three, so no signal can be missed
 * between checking and waiting. Thread-safe.
 */
final class PollGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int freeSlots;          // guarded by lock
    private boolean wakeRequested;  // guarded by lock
    private boolean started;        // guarded by lock
    private boolean stopping;       // guarded by lock

    PollGate(int slots) {
        this.freeSlots = slots;
    }

    /** Marks the worker started; false if it was started or stopped before. */
    boolean start() {
        lock.lock();
        try {
            if (started || stopping) {
                return false;
            }
            started = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the poller; false if it was stopped before. */
    boolean stop() {
        lock.lock();
        try {
            if (stopping) {
                return false;
            }
            stopping = true;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean started() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until at least one slot is free and takes all free slots; 0 once stopping. */
    int reserveFreeSlots() {
        lock.lock();
        try {
            while (!stopping && freeSlots == 0) {
                changed.awaitUninterruptibly();
            }
            if (stopping) {
                return 0;
            }
            int slots = freeSlots;
            freeSlots = 0;
            return slots;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back slots: unused after a claim, or freed by a finished job. */
    void release(int slots) {
        lock.lock();
        try {
            freeSlots += slots;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the current (or the next) {@link #awaitTickOrWake} early. */
    void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the poll interval or a wake-up; false once stopping. */
    boolean awaitTickOrWake(Duration pollInterval) {
        lock.lock();
        try {
            long nanos = pollInterval.toNanos();
            while (!stopping && !wakeRequested && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            wakeRequested = false;
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
