package org.newswire.testsupport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker engine answers, giving up after a bounded wait. */
final class DockerProbe {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Logger log = LoggerFactory.getLogger(DockerProbe.class);

	private DockerProbe() {
	}

	static boolean dockerReachable() {
		long started = System.nanoTime();
		CompletableFuture<Boolean> probe = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				probe.complete(DockerClientFactory.instance().isDockerAvailable());
			}
			catch (Throwable ex) {
				probe.completeExceptionally(ex);
			}
		}, "newswire-docker-probe");
		thread.setDaemon(true);
		thread.start();
		boolean reachable;
		try {
			reachable = probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("No answer from Docker within {} s: using the embedded stack", TIMEOUT.toSeconds());
			reachable = false;
		}
		catch (ExecutionException ex) {
			log.info("Docker check failed ({}): using the embedded stack", ex.getCause().toString());
			reachable = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			reachable = false;
		}
		log.info("Docker {} (checked in {} ms)", reachable ? "reachable" : "not reachable",
				(System.nanoTime() - started) / 1_000_000);
		return reachable;
	}

}
