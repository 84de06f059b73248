package org.newswire.testsupport;

import java.time.Duration;
import java.util.Set;

/**
 * Spring closes cached test contexts (and Boot applications) in JVM shutdown hooks of its own, which run
 * at the same time as ours. Their Kafka consumers and Elasticsearch clients would wait for servers that
 * are gone, so the stack's hooks let them finish first.
 */
final class SpringShutdownHooks {

	private static final Set<String> NAMES = Set.of("SpringContextShutdownHook", "SpringApplicationShutdownHook");

	private SpringShutdownHooks() {
	}

	/** Waits at most {@code limit} for Spring's running shutdown hooks; returns at once when there are none. */
	static void awaitCompletion(Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread == Thread.currentThread() || !NAMES.contains(thread.getName())) {
				continue;
			}
			long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
			if (remainingMillis <= 0) {
				return;
			}
			try {
				thread.join(remainingMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
