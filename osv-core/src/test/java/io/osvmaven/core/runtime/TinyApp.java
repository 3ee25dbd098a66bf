package io.osvmaven.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles and jars a one-class application that logs through java.util.logging. */
final class TinyApp {

  static final String MAIN_CLASS = "demo.Main";

  private TinyApp() {}

  static Path build(Path dir) throws IOException {
    Path src = dir.resolve("src/demo/Main.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package demo;\n"
        + "public class Main {\n"
        + "  public static void main(String[] args) {\n"
        + "    java.util.logging.Logger.getLogger(\"demo\").warning(\"hello from \" + args[0]);\n"
        + "  }\n"
        + "}\n");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
    if (rc != 0) {
      throw new IOException("javac failed: " + rc);
    }
    Path jar = dir.resolve("app.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
      for (String entry : List.of("demo/", "demo/Main.class")) {
        j.putNextEntry(new JarEntry(entry));
        if (!entry.endsWith("/")) {
          j.write(Files.readAllBytes(classes.resolve(entry)));
        }
        j.closeEntry();
      }
    }
    return jar;
  }

  /** Runs {@code java} and returns what it printed (both streams). */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(command + " failed: " + out);
    }
    return out;
  }
}
