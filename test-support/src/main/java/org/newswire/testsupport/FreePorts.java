package org.newswire.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on the loopback interface: a free one for tests, and a check that a fixed one is still free. */
final class FreePorts {

	private FreePorts() {
	}

	/** A port that was free a moment ago; a caller that loses the race retries with a new one. */
	static int find() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on the loopback interface", ex);
		}
	}

	/** The port itself when {@code requested} is positive, else a free one. */
	static int orFree(int requested) {
		return requested > 0 ? requested : find();
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Fails with a message naming the port and its user when a fixed port is taken. */
	static void requireFree(int port, String what) {
		if (port > 0 && !isFree(port)) {
			throw new IllegalStateException("Port " + port + " for " + what
					+ " is already in use: stop whatever listens there (ss -ltnp 'sport = :" + port + "') or choose another port");
		}
	}

}
