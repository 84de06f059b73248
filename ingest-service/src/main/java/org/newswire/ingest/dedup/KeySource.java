package org.newswire.ingest.dedup;

import java.util.function.Consumer;

/** Where the ids of already-published articles can be read back from. */
@FunctionalInterface
interface KeySource {

	/** Hands every known id to {@code sink}; throws if the source cannot be read completely. */
	void forEachKey(Consumer<String> sink);

}
