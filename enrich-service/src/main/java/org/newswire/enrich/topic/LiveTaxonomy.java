package org.newswire.enrich.topic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;

/**
 * The tagger for the taxonomy file as it is now. A taxonomy on the file system is checked every
 * {@code pollInterval} (its modification time and, when that moved, its bytes): a changed file is
 * read and, if sound, used from the next article on; a bad one is refused with its message (which
 * names the line) and the last good taxonomy stays. A taxonomy inside the jar is read once. The
 * first read must succeed: the service does not start with a bad taxonomy.
 */
public final class LiveTaxonomy implements Supplier<TopicTagger>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LiveTaxonomy.class);

	private final Resource resource;

	private volatile TopicTagger tagger;

	private volatile String lastError;

	private long lastModified;

	private byte[] lastBytes;

	private ScheduledExecutorService poller;

	public LiveTaxonomy(Resource resource) {
		this.resource = resource;
		byte[] bytes = bytes();
		this.tagger = new TopicTagger(Taxonomy.read(new String(bytes, StandardCharsets.UTF_8), resource.getDescription()));
		this.lastBytes = bytes;
		this.lastModified = modified();
		log.info("Taxonomy {}: {} topics", resource.getDescription(), this.tagger.taxonomy().topics().size());
	}

	/** Starts polling when the taxonomy is a file; a no-op for classpath resources. */
	public LiveTaxonomy watch(Duration pollInterval) {
		if (isFile() && this.poller == null && !pollInterval.isZero()) {
			this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "taxonomy-watch");
				thread.setDaemon(true);
				return thread;
			});
			this.poller.scheduleWithFixedDelay(this::reloadIfChanged, pollInterval.toMillis(), pollInterval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		return this;
	}

	@Override
	public TopicTagger get() {
		return this.tagger;
	}

	/** Why the newest version of the file was refused, while the last good one is in use. */
	public Optional<String> lastError() {
		return Optional.ofNullable(this.lastError);
	}

	/**
	 * Reads the file again when it changed.
	 * @return true when a changed, sound taxonomy replaced the one in use
	 */
	public synchronized boolean reloadIfChanged() {
		try {
			long modified = modified();
			if (modified == this.lastModified && this.lastBytes != null) {
				return false;
			}
			byte[] bytes = bytes();
			this.lastModified = modified;
			if (Arrays.equals(bytes, this.lastBytes)) {
				return false;
			}
			this.lastBytes = bytes;
			TopicTagger fresh = new TopicTagger(
					Taxonomy.read(new String(bytes, StandardCharsets.UTF_8), this.resource.getDescription()));
			this.tagger = fresh;
			this.lastError = null;
			log.info("Taxonomy {} changed: now {} topics", this.resource.getDescription(),
					fresh.taxonomy().topics().size());
			return true;
		}
		catch (InvalidTaxonomyException ex) {
			this.lastError = ex.getMessage();
			log.error("Changed taxonomy refused, keeping the last good one ({} topics): {}",
					this.tagger.taxonomy().topics().size(), ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			this.lastError = String.valueOf(ex);
			log.error("Checking taxonomy {} for changes failed, keeping the last good one", this.resource.getDescription(), ex);
			return false;
		}
	}

	private boolean isFile() {
		try {
			return this.resource.isFile() && this.resource.getFile().exists();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private long modified() {
		try {
			return isFile() ? this.resource.lastModified() : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private byte[] bytes() {
		try (InputStream in = this.resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedReadException("Cannot read taxonomy " + this.resource.getDescription() + ": "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
	}

	private static final class UncheckedReadException extends InvalidTaxonomyException {

		UncheckedReadException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
