package org.fusionjdbc.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forward HTTP proxy on loopback that asks for Basic authentication (407) and forwards authorized absolute-form
 * requests (plain http, as the emulator speaks) to their origin, one origin connection per request. It records the
 * requests it carried, so a test can compare them with what the pod saw. Test code only: no CONNECT, no chunked
 * request bodies (the driver sends none).
 */
final class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<String> carried = new ArrayList<>();
  private final AtomicInteger challenged = new AtomicInteger();

  LoopbackProxy(String user, String password) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    Thread acceptor = new Thread(this::accept, "loopback-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** "METHOD path" of every request carried to an origin (the path without the query). */
  List<String> carried() {
    synchronized (carried) {
      return List.copyOf(carried);
    }
  }

  int challenges() {
    return challenged.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> serve(client), "loopback-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        String authorization = null;
        int length = 0;
        List<String> forward = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
          String line = lines[i];
          int colon = line.indexOf(':');
          String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = line.substring(colon + 1).trim();
          switch (name) {
            case "proxy-authorization" -> authorization = value;
            case "content-length" -> {
              length = Integer.parseInt(value);
              forward.add(line);
            }
            case "connection", "proxy-connection", "keep-alive" -> {
            }
            default -> forward.add(line);
          }
        }
        byte[] body = in.readNBytes(length);
        if (!expectedAuthorization.equals(authorization)) {
          challenged.incrementAndGet();
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"loopback\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          continue;
        }
        URI target = URI.create(requestLine[1]);
        synchronized (carried) {
          carried.add(requestLine[0] + " " + target.getRawPath());
        }
        relay(requestLine[0], target, forward, body, out);
        return; // each relayed response ends with Connection: close
      }
    } catch (IOException | RuntimeException e) {
      // the client went away; nothing to report
    }
  }

  private static void relay(String method, URI target, List<String> headers, byte[] body, OutputStream out)
      throws IOException {
    try (Socket origin = new Socket(target.getHost(), target.getPort())) {
      OutputStream o = origin.getOutputStream();
      StringBuilder request = new StringBuilder(method + " " + target.getRawPath()
          + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
      headers.forEach(h -> request.append(h).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      o.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      o.write(body);
      o.flush();
      InputStream response = origin.getInputStream();
      String head = readHead(response);
      if (head == null) {
        return;
      }
      StringBuilder rewritten = new StringBuilder();
      for (String line : head.split("\r\n")) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
          rewritten.append(line).append("\r\n");
        }
      }
      rewritten.append("Connection: close\r\n\r\n");
      out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
      response.transferTo(out);
      out.flush();
    }
  }

  /** The head up to the blank line, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
      if (matched == 4) {
        String s = head.toString(StandardCharsets.ISO_8859_1);
        return s.substring(0, s.length() - 4);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
