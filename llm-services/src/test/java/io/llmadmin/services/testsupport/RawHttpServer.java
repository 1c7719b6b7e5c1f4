package io.llmadmin.services.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on a bare socket, for what a stub library cannot do: send a chunked stream in steps,
 * reset the connection mid-stream, and notice when the client closes its connection.
 */
public final class RawHttpServer implements AutoCloseable {

    /** What the server does with one connection after reading the request. */
    @FunctionalInterface
    public interface Script {
        void run(Exchange exchange) throws Exception;
    }

    private final ServerSocket socket;
    private final Script script;
    private final Thread acceptor;
    public final AtomicInteger connections = new AtomicInteger();
    /** Completes when a client closed its connection while the script was waiting for that. */
    public final CompletableFuture<Void> clientClosed = new CompletableFuture<>();

    public RawHttpServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread handler = new Thread(() -> handle(client), "raw-http-exchange");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            int length = contentLength(head);
            in.readNBytes(length);
            script.run(new Exchange(client, client.getOutputStream()));
        } catch (Exception ignored) {
            // the client went away, or the script reset the connection on purpose
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before sending a request");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One connection, after its request was read. */
    public final class Exchange {
        private final Socket client;
        private final OutputStream out;

        Exchange(Socket client, OutputStream out) {
            this.client = client;
            this.out = out;
        }

        public void startChunked(String contentType) throws IOException {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        public void chunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        public void endChunked() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        public void respond(int status, String contentType, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                            + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }

        /** Drops the connection with a TCP reset, as a crashed upstream or proxy does. */
        public void reset() throws IOException {
            client.setSoLinger(true, 0);
            client.close();
        }

        /** Waits (at most {@code millis}) for the client to close its end; completes {@link #clientClosed} if so. */
        public boolean awaitClientClose(long millis) throws IOException {
            client.setSoTimeout(50);
            long deadline = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (client.getInputStream().read() < 0) {
                        clientClosed.complete(null);
                        return true;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // keep waiting
                } catch (SocketException reset) {
                    clientClosed.complete(null);
                    return true;
                }
            }
            return false;
        }
    }
}
