package org.newswire.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command in a small {@code sh} script that kills it when this JVM is gone, so a child process
 * survives neither a normal exit (the shutdown hook stops it) nor a {@code kill -9} of the JVM (the
 * script notices within a second). The command runs in a process group of its own ({@code setsid}), and the
 * script signals the whole group: Elasticsearch's launcher and the server JVM it starts.
 */
final class ProcessWatchdog {

	/** Seconds between SIGTERM and SIGKILL when the JVM disappeared. */
	static final int GRACE_SECONDS = 20;

	static final String SCRIPT = """
			jvm=$1; shift
			"$@" &
			child=$!
			trap 'kill -s TERM -- "-$child" "$child" 2>/dev/null' TERM INT HUP
			while kill -0 "$jvm" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
			if kill -0 "$child" 2>/dev/null; then
			  echo "newswire watchdog: JVM $jvm is gone, stopping process group $child" >&2
			  kill -s TERM -- "-$child" "$child" 2>/dev/null
			  waited=0
			  while kill -0 "$child" 2>/dev/null && [ "$waited" -lt %d ]; do sleep 1; waited=$((waited + 1)); done
			  kill -s KILL -- "-$child" "$child" 2>/dev/null
			fi
			wait "$child"
			""".formatted(GRACE_SECONDS);

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private ProcessWatchdog() {
	}

	static List<String> wrap(long jvmPid, List<String> command) {
		List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "newswire-watchdog", Long.toString(jvmPid)));
		if (Files.isExecutable(SETSID)) {
			wrapped.add(SETSID.toString());
		}
		wrapped.addAll(command);
		return wrapped;
	}

}
