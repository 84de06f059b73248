package org.newswire.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for {@code GET /_cluster/health?wait_for_status=yellow} to answer green or yellow ({@code GET /}
 * answers 405 on the integ-test distribution, so it is no readiness check).
 */
final class ClusterHealth {

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow|red)\"");

	private ClusterHealth() {
	}

	/** Returns once healthy; throws when {@code process} exits first or {@code timeout} passes. */
	static void await(URI node, Process process, Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(node.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue() + " before it was ready");
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && status(response.body()).filter(s -> !s.equals("red")).isPresent()) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
			}
			pause();
		}
		throw new IllegalStateException("Elasticsearch at " + node + " was not healthy within " + timeout.toSeconds() + " s");
	}

	/** {@code green}, {@code yellow} or {@code red} from a cluster health response. */
	static Optional<String> status(String body) {
		Matcher matcher = STATUS.matcher(body);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

}
