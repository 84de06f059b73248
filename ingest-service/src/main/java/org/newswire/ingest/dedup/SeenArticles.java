package org.newswire.ingest.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of articles already published, so an item is published once however often its feed offers
 * it. Kept in memory, bounded (least recently seen forgotten first), and rebuilt before first use from
 * the keys of the service's own output topic, so a restart does not republish anything. Ids are added
 * only after the broker acknowledged the article.
 */
public class SeenArticles {

	private static final Logger log = LoggerFactory.getLogger(SeenArticles.class);

	private final KeySource published;

	private final Map<String, Boolean> ids;

	private final AtomicLong evicted = new AtomicLong();

	private volatile boolean loaded;

	SeenArticles(int maxEntries, KeySource published) {
		this.published = published;
		this.ids = new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				boolean full = size() > maxEntries;
				if (full) {
					evicted.incrementAndGet();
				}
				return full;
			}
		};
	}

	/**
	 * Rebuilds the memory from what was already published, once. Until it succeeds, nothing may be
	 * published: answers false (and logs why) so the caller tries again later.
	 */
	public boolean ensureLoaded() {
		if (loaded) {
			return true;
		}
		synchronized (this) {
			if (loaded) {
				return true;
			}
			long started = System.nanoTime();
			try {
				published.forEachKey(this::remember);
			}
			catch (RuntimeException ex) {
				log.warn("Cannot yet read already-published article ids, not publishing until it works: {}",
						ex.toString());
				return false;
			}
			loaded = true;
			log.info("Remembered {} already-published article ids in {} ms", ids.size(),
					(System.nanoTime() - started) / 1_000_000);
			return true;
		}
	}

	/** True if the article was published before; refreshes its place in the memory. */
	public synchronized boolean contains(String articleId) {
		return ids.get(articleId) != null;
	}

	/** Call only after the broker acknowledged the article. */
	public synchronized void markPublished(String articleId) {
		ids.put(articleId, Boolean.TRUE);
	}

	public synchronized int size() {
		return ids.size();
	}

	/** How many ids were forgotten to stay within the bound; a growing number means the bound is too small. */
	public long evicted() {
		return evicted.get();
	}

	private synchronized void remember(String articleId) {
		ids.put(articleId, Boolean.TRUE);
	}

}
