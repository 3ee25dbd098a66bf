package ${package};

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Prints a greeting. With the environment variable PORT set (e.g. {@code --env=PORT=8080} on the OSv
 * command line), it also answers HTTP requests on that port.
 */
public final class App {

  static final String GREETING = "Hello from ${imageName} on OSv!";

  private App() {}

  public static void main(String[] args) throws IOException {
    System.out.println(GREETING);
    String port = System.getenv("PORT");
    if (port != null && !port.isBlank()) {
      HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(port.strip())), 0);
      server.createContext("/", exchange -> {
        byte[] body = (GREETING + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      System.out.println("Serving HTTP on port " + port.strip());
    }
  }
}
