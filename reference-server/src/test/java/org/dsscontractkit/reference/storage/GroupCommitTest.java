package org.dsscontractkit.reference.storage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    void everyCommitWaitsForARunThatStartedAfterItAndRunsAreShared() throws Exception {
        AtomicLong commits = new AtomicLong();
        AtomicLong durable = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        try (GroupCommit group = new GroupCommit("test-commit", () -> {
            long upTo = commits.get(); // what a real fsync covers: everything written before it started
            Thread.sleep(2);
            runs.incrementAndGet();
            durable.set(upTo);
        })) {
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                Thread t = new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        long mine = commits.incrementAndGet();
                        group.awaitDurable();
                        if (durable.get() < mine) violations.add("commit " + mine + " acknowledged with " + durable.get() + " durable");
                    }
                });
                t.start();
                writers.add(t);
            }
            for (Thread t : writers) t.join();
        }
        assertThat(violations).isEmpty();
        assertThat(durable.get()).isEqualTo(500);
        assertThat(runs.get()).as("concurrent commits share runs").isLessThan(500);
    }

    @Test
    void aFailedRunFailsItsCommitsAndEveryLaterOne() {
        AtomicInteger runs = new AtomicInteger();
        try (GroupCommit group = new GroupCommit("test-commit", () -> {
            if (runs.incrementAndGet() == 2) throw new java.io.IOException("fsync: Input/output error");
        })) {
            group.awaitDurable();
            assertThatThrownBy(group::awaitDurable).isInstanceOf(StorageException.class).hasMessageContaining("Input/output error");
            assertThatThrownBy(group::awaitDurable).isInstanceOf(StorageException.class).hasMessageContaining("restart");
            assertThat(runs.get()).as("no retry after a failed fsync").isEqualTo(2);
        }
    }
}
