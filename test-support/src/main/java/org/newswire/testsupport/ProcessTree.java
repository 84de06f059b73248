package org.newswire.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a group of processes: SIGTERM to all, then SIGKILL to whatever still runs after a grace period. */
final class ProcessTree {

	private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);

	private ProcessTree() {
	}

	/** Returns when every process has exited (or, after SIGKILL, 10 more seconds passed). */
	static void terminate(List<ProcessHandle> processes, Duration grace, String what) {
		processes.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		processes.forEach(process -> awaitExit(process, deadline));
		List<ProcessHandle> survivors = processes.stream().filter(ProcessHandle::isAlive).toList();
		if (!survivors.isEmpty()) {
			log.warn("{} ignored SIGTERM for {} s, killing {}", what, grace.toSeconds(), survivors);
			survivors.forEach(ProcessHandle::destroyForcibly);
			long killDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			survivors.forEach(process -> awaitExit(process, killDeadline));
		}
	}

	private static void awaitExit(ProcessHandle process, long deadlineNanos) {
		long remaining = deadlineNanos - System.nanoTime();
		if (remaining <= 0) {
			return;
		}
		try {
			process.onExit().get(remaining, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// the caller looks at isAlive()
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
