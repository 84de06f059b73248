package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProcessWatchdogTest {

	@Test
	void passesTheWatchedPidAndTheCommand() {
		List<String> command = ProcessWatchdog.wrap(4242, List.of("bin/elasticsearch"));

		assertThat(command).startsWith("/bin/sh", "-c", ProcessWatchdog.SCRIPT, "newswire-watchdog", "4242")
			.endsWith("bin/elasticsearch");
	}

	@Test
	void killsTheCommandWhenTheWatchedProcessDiesWithoutCleaningUp() throws Exception {
		// stands in for the test JVM: killed with SIGKILL, no shutdown hook runs
		Process jvm = new ProcessBuilder("sleep", "300").start();
		Process watchdog = new ProcessBuilder(ProcessWatchdog.wrap(jvm.pid(), List.of("sleep", "600"))).start();
		try {
			ProcessHandle command = awaitChild(watchdog);
			assertThat(command.isAlive()).isTrue();

			jvm.destroyForcibly().waitFor();

			assertThat(command.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
			assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
			watchdog.destroyForcibly();
			jvm.destroyForcibly();
		}
	}

	@Test
	void stopsTheCommandWhenItIsTerminated() throws Exception {
		Process watchdog = new ProcessBuilder(ProcessWatchdog.wrap(ProcessHandle.current().pid(), List.of("sleep", "600")))
			.start();
		try {
			ProcessHandle command = awaitChild(watchdog);

			watchdog.destroy();

			assertThat(command.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
		}
		finally {
			watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
			watchdog.destroyForcibly();
		}
	}

	private static ProcessHandle awaitChild(Process watchdog) throws IOException, InterruptedException {
		for (int i = 0; i < 100; i++) {
			var sleeper = watchdog.descendants()
				.filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
				.filter(p -> p.info().arguments().map(a -> a.length > 0 && a[0].equals("600")).orElse(false))
				.findFirst();
			if (sleeper.isPresent()) {
				return sleeper.get();
			}
			Thread.sleep(50);
		}
		throw new IOException("the watchdog did not start its command");
	}

}
