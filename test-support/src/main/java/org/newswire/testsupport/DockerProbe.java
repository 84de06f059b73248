package org.newswire.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
		if (!anyDockerConfigured(System.getenv(), Path.of(System.getProperty("user.home")))) {
			log.info("No Docker engine configured (no DOCKER_HOST, no docker.sock, no ~/.testcontainers.properties)");
			return false;
		}
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

	/**
	 * Whether any place Testcontainers looks for an engine exists. Saves asking it when nothing does,
	 * which also saves its multi-line ERROR in every test log on machines without Docker.
	 */
	static boolean anyDockerConfigured(Map<String, String> env, Path home) {
		if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY")) {
			return true;
		}
		List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
				home.resolve(".testcontainers.properties"), home.resolve(".docker/run/docker.sock"),
				home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
				home.resolve(".colima/docker.sock"), home.resolve(".rd/docker.sock")));
		String runtimeDir = env.get("XDG_RUNTIME_DIR");
		if (runtimeDir != null) {
			candidates.add(Path.of(runtimeDir, "docker.sock"));
			candidates.add(Path.of(runtimeDir, "podman/podman.sock"));
		}
		return candidates.stream().anyMatch(Files::exists);
	}

}
