package org.newswire.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * Forwards a fixed local port to another local port. Kafka's test kit binds its broker to a port of
 * its own choosing, so the local run listens on the well-known port (9092) with this and forwards
 * to the broker; clients bootstrap through it and then use the address the broker advertises.
 */
final class TcpForwarder implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private TcpForwarder(ServerSocket server, int targetPort) {
		this.server = server;
		this.targetPort = targetPort;
	}

	static TcpForwarder start(int port, int targetPort) {
		try {
			ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			TcpForwarder forwarder = new TcpForwarder(server, targetPort);
			Thread acceptor = new Thread(forwarder::acceptLoop, "forward-" + port + "-to-" + targetPort);
			acceptor.setDaemon(true);
			acceptor.start();
			return forwarder;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot listen on port " + port + ": " + ex.getMessage(), ex);
		}
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				pipe(client, target);
				pipe(target, client);
			}
			catch (IOException ex) {
				if (this.server.isClosed()) {
					return;
				}
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (SocketException ex) {
				// one side closed: the connection is over
			}
			catch (IOException ex) {
				// same: nothing to recover
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "forward-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
