package org.newswire.search.index;

/** The property that turns the service into the one-shot index migration command. */
final class MigrationMode {

	static final String TARGET = "newswire.search.migration.target";

	/** SpEL for {@code autoStartup}: the live listener runs unless a migration target is given. */
	static final String LIVE = "#{'${" + TARGET + ":}'.isEmpty()}";

	private MigrationMode() {
	}

}
