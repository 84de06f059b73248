package org.newswire.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * Kafka and Elasticsearch for the local run, embedded, on fixed ports, until SIGTERM or Ctrl-C:
 * <pre>
 * java -cp test-support/target/classes:$(cat test-support/target/classpath.txt) \
 *     org.newswire.testsupport.LocalStack --kafka-port 9092 --elasticsearch-port 9200 [--data-dir DIR] \
 *     [--site samples/site --site-port 8090]
 * </pre>
 * Prints {@code newswire stack ready: kafka=localhost:9092 elasticsearch=http://127.0.0.1:9200} once both
 * answer; exits with status 1 (and the reason on stderr) if something cannot start, 2 on a bad command line.
 * Started in the background by a script, it ignores SIGINT (the shell does that to background jobs):
 * stop it with SIGTERM.
 */
public final class LocalStack {

	public static final String READY = "newswire stack ready:";

	private LocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
				System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
		System.setProperty("org.slf4j.simpleLogger.log.org.newswire", "info");
		LocalStackOptions options;
		try {
			options = LocalStackOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Running running = new Running();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			running.stop();
			stopped.countDown();
		}, "newswire-local-stack-shutdown"));
		try {
			FreePorts.requireFree(options.kafkaPort(), "Kafka");
			FreePorts.requireFree(options.elasticsearchPort(), "Elasticsearch");
			if (options.siteDir() != null) {
				running.site = StaticSite.start(options.siteDir(), options.sitePort());
			}
			CompletableFuture<ElasticsearchStack> elasticsearch = CompletableFuture
				.supplyAsync(() -> ElasticsearchStack.embedded(options.elasticsearchPort(), options.dataDir()));
			running.elasticsearch = elasticsearch;
			running.kafka = KafkaStack.embedded(options.kafkaPort());
			ElasticsearchStack node = elasticsearch.join();
			System.out.println(READY + " kafka=" + running.kafka.bootstrapServers() + " elasticsearch=" + node.uri()
					+ ((running.site != null) ? " site=" + running.site.uri() : ""));
			System.out.flush();
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			System.err.println("newswire stack failed to start: " + cause.getMessage());
			if (!(cause instanceof IllegalStateException)) {
				cause.printStackTrace();
			}
			System.exit(1);
			return;
		}
		stopped.await();
	}

	/** What has been started so far, for the shutdown hook. */
	private static final class Running {

		private volatile StaticSite site;

		private volatile KafkaStack kafka;

		private volatile CompletableFuture<ElasticsearchStack> elasticsearch;

		void stop() {
			CompletableFuture<ElasticsearchStack> node = this.elasticsearch;
			if (node != null && node.isDone() && !node.isCompletedExceptionally()) {
				node.join().stop();
			}
			else if (node != null && !node.isDone()) {
				// not cancellable; its watchdog ends it within a second of this JVM's exit
				System.out.println("Elasticsearch was still starting: its watchdog stops it when this JVM exits");
			}
			if (this.kafka != null) {
				this.kafka.stop();
			}
			if (this.site != null) {
				this.site.close();
			}
			System.out.println("newswire stack stopped");
		}

	}

}
