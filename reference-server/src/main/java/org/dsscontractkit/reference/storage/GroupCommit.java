package org.dsscontractkit.reference.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed transactions durable before they are acknowledged, one disk write for many committers.
 * <p>
 * A thread calls {@link #awaitDurable()} after its commit returned. It returns once a run of the {@link Sync}
 * action that <em>started</em> after that point has completed. The runs happen one after the other on a thread
 * of their own (never interrupted by the request threads' pools); the committers arriving while one runs are all
 * served by the next. With 50 concurrent writers a run serves a whole batch of commits.
 * <p>
 * A failed run is final, as PostgreSQL does on a failed fsync: the writes it covered may be lost and a retry that
 * succeeds proves nothing, so every write from then on is refused with a {@link StorageException} until a restart.
 */
final class GroupCommit implements AutoCloseable {

    @FunctionalInterface
    interface Sync { void run() throws Exception; }

    private final Sync sync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requestedMore = lock.newCondition();
    private final Condition completedMore = lock.newCondition();
    private final Thread syncer;
    /** Tickets handed out to committers, and the highest ticket a completed run has covered. */
    private long requested;
    private long completed;
    private Exception failure;
    private boolean closed;

    GroupCommit(String name, Sync sync) {
        this.sync = sync;
        this.syncer = new Thread(this::runSyncs, name);
        syncer.setDaemon(true);
        syncer.start();
    }

    void awaitDurable() {
        lock.lock();
        try {
            if (failure == null && closed) throw new StorageException("The store is closed", null);
            long ticket = ++requested;
            requestedMore.signal();
            while (completed < ticket && failure == null) {
                // never interrupted out of here: the commit happened, its answer must wait for the disk
                completedMore.awaitUninterruptibly();
            }
            if (failure != null) throw new StorageException("The store cannot make writes durable (restart the server): " + failure, failure);
        } finally {
            lock.unlock();
        }
    }

    private void runSyncs() {
        while (true) {
            long covers;
            lock.lock();
            try {
                while (requested == completed && !closed) requestedMore.awaitUninterruptibly();
                if (requested == completed) return;
                covers = requested;
            } finally {
                lock.unlock();
            }
            Exception failed = null;
            try {
                sync.run();
            } catch (Exception | Error e) {
                failed = e instanceof Exception ex ? ex : new IllegalStateException(e);
            }
            lock.lock();
            try {
                if (failed != null) {
                    failure = failed;
                } else {
                    completed = covers;
                }
                completedMore.signalAll();
                if (failure != null) return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Serves the commits already waiting, then stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            requestedMore.signal();
        } finally {
            lock.unlock();
        }
        try {
            syncer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
