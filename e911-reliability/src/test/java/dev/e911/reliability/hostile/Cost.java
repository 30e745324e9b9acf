package dev.e911.reliability.hostile;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * What one operation costs on the calling thread after warm-up: the median of several attempts in
 * thread CPU time (what the work costs, whatever the machine's load) and in wall time (what a caller
 * waits on this machine now), the worst wall time, and the most bytes one attempt allocated
 * ({@code getThreadAllocatedBytes}). A report for the test output, asserted only against generous bounds.
 */
record Cost(long medianCpuNanos, long medianNanos, long maxNanos, long maxAllocatedBytes) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Cost of(int warmups, int attempts, Runnable operation) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        for (int i = 0; i < warmups; i++) {
            operation.run();
        }
        long thread = Thread.currentThread().getId();
        long[] nanos = new long[attempts];
        long[] cpu = new long[attempts];
        long maxAllocated = 0;
        for (int i = 0; i < attempts; i++) {
            long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            operation.run();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            maxAllocated = Math.max(maxAllocated, THREADS.getThreadAllocatedBytes(thread) - bytesBefore);
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        return new Cost(cpu[attempts / 2], nanos[attempts / 2], nanos[attempts - 1], maxAllocated);
    }
}
