package dev.cdcpipeline.local.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server, which a test can cut: while cut, open connections are reset
 * and new ones are closed as soon as they are accepted, as a network partition would look to the
 * client. Clients connect to {@link #port()} instead of the server's port.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpProxy.class);
    private static final String HOST = "127.0.0.1";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final String name;
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String name, InetSocketAddress target, ServerSocket listener) {
        this.name = name;
        this.target = target;
        this.listener = listener;
    }

    /** Starts relaying a free local port to {@code targetPort} on the loopback address. */
    public static TcpProxy start(String name, int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(HOST));
        TcpProxy proxy = new TcpProxy(name, new InetSocketAddress(HOST, targetPort), listener);
        Thread acceptor = new Thread(proxy::acceptConnections, "tcp-proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        LOG.info("Cutting the link to {} ({} open connections)", name, openSockets.size());
        openSockets.forEach(TcpProxy::reset);
    }

    public void restore() {
        cut = false;
        LOG.info("Link to {} restored", name);
    }

    public boolean isCut() {
        return cut;
    }

    private void acceptConnections() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Proxy for {} stopped accepting: {}", name, e.toString());
                }
                return;
            }
            if (cut) {
                reset(client);
                continue;
            }
            relay(client);
        }
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target);
        } catch (IOException e) {
            // The server itself is down: the client sees its connection closed, as it would without us.
            reset(client);
            closeQuietly(server);
            return;
        }
        openSockets.add(client);
        openSockets.add(server);
        pump(client, server, "up");
        pump(server, client, "down");
    }

    /** Copies bytes one way until either side closes; then closes both, as a broken link would. */
    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // A reset or a closed peer ends the relay; both sockets close below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                openSockets.remove(from);
                openSockets.remove(to);
            }
        }, "tcp-proxy-" + name + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with an RST instead of a FIN, so the peer sees a broken connection, not an orderly end. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed: nothing to reset.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort here: the socket is being thrown away.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        openSockets.forEach(TcpProxy::reset);
    }
}
