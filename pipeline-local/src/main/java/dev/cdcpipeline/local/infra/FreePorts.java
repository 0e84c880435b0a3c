package dev.cdcpipeline.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks loopback ports that nothing else on this machine is listening on, so runs and builds never collide. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Asks the kernel for {@code count} free ports. All sockets stay open until every port is picked, so the
     * same port is never handed out twice.
     */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port was only borrowed to learn its number; a failed close changes nothing for the caller.
        }
    }
}
