package io.osvmaven.core.runtime;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The command that starts a Java application in the image, and the image entries it relies on: the
 * linked runtime below {@code /usr/lib/jvm/java}, the application jar in {@code /app} and its
 * dependencies in {@code /app/lib}. The class path keeps the caller's order (Maven's, where the first
 * jar wins for duplicate classes), which is deterministic.
 */
public final class JavaCommandLine {

  public static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/java";
  public static final String APP_DIR = "/app";

  private static final Pattern MAIN_CLASS =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*");
  private static final Pattern JAVA_HOME = Pattern.compile("(/[A-Za-z0-9._+-]+)+");

  private final String javaHome;
  private final List<String> jvmOptions;
  private final Map<String, Path> classpath;
  private final String mainClass;
  private final List<String> args;

  private JavaCommandLine(Builder b, Map<String, Path> classpath) {
    this.javaHome = b.javaHome;
    this.jvmOptions = List.copyOf(b.jvmOptions);
    this.classpath = classpath;
    this.mainClass = b.mainClass;
    this.args = List.copyOf(b.args);
  }

  public static Builder builder(String mainClass, Path appJar) {
    return new Builder(mainClass, appJar);
  }

  /** The words of the command, unquoted: java, options, -cp, class path, main class, arguments. */
  public List<String> words() {
    List<String> words = new ArrayList<>();
    words.add(javaHome + "/bin/java");
    words.addAll(jvmOptions);
    words.add("-cp");
    words.add(String.join(":", classpath.keySet()));
    words.add(mainClass);
    words.addAll(args);
    return words;
  }

  /** The command line for the image, quoted for OSv. */
  public String commandLine() {
    return OsvCommandLine.join(words());
  }

  /** The guest paths of the class path, in order. */
  public List<String> classpath() {
    return List.copyOf(classpath.keySet());
  }

  /**
   * The image entries: every file and symlink of {@code runtimeHome} below the guest Java home (sorted
   * by path), then the application jar and the dependencies in class path order.
   */
  public List<ImageEntry> imageEntries(Path runtimeHome) {
    List<ImageEntry> entries = new ArrayList<>();
    Path root = runtimeHome.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("bin/java"))) {
      throw new OsvException(runtimeHome + " is not a Java runtime (no bin/java)", null);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String guest = javaHome + "/" + root.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          entries.add(ImageEntry.symlink(guest, Files.readSymbolicLink(p).toString()));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          entries.add(ImageEntry.file(guest, p));
        }
      }
    } catch (IOException e) {
      throw new OsvException("cannot list " + runtimeHome + ": " + e.getMessage(), null, e);
    } catch (UncheckedIOException e) {
      throw new OsvException("cannot list " + runtimeHome + ": " + e.getCause().getMessage(), null, e);
    }
    classpath.forEach((guest, host) -> entries.add(ImageEntry.file(guest, host)));
    return entries;
  }

  /** Collects and checks the parts of the command. */
  public static final class Builder {
    private String javaHome = DEFAULT_JAVA_HOME;
    private String appDirectory = APP_DIR;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Path appJar;
    private final List<Map.Entry<Path, String>> dependencies = new ArrayList<>();
    private final String mainClass;
    private final List<String> args = new ArrayList<>();

    private Builder(String mainClass, Path appJar) {
      Objects.requireNonNull(mainClass, "mainClass");
      if (!MAIN_CLASS.matcher(mainClass).matches()) {
        throw new OsvException("main class '" + mainClass + "' is not a Java class name"
            + (mainClass.contains("$") ? " OSv can start ('$' would be expanded as a variable)" : ""),
            "set the main class to a fully qualified top-level class, e.g. com.example.Main");
      }
      this.mainClass = mainClass;
      this.appJar = Objects.requireNonNull(appJar, "appJar");
    }

    /** Where the runtime goes in the image (default {@value #DEFAULT_JAVA_HOME}). */
    public Builder javaHome(String guestJavaHome) {
      this.javaHome = checkedDirectory(guestJavaHome, "Java home", DEFAULT_JAVA_HOME);
      return this;
    }

    /**
     * Where the application jar goes in the image (default {@value #APP_DIR}); dependencies go into its
     * {@code lib} sub-directory.
     */
    public Builder appDirectory(String guestAppDirectory) {
      this.appDirectory = checkedDirectory(guestAppDirectory, "application directory", APP_DIR);
      return this;
    }

    private static String checkedDirectory(String dir, String what, String example) {
      if (!JAVA_HOME.matcher(dir).matches()) {
        throw new OsvException(what + " '" + dir + "' must be an absolute path of "
            + "letters, digits and ._+- without a trailing slash", "e.g. " + example);
      }
      return dir;
    }

    /** JVM options, each a word starting with '-' (e.g. -Xmx512m, -Dkey=value). */
    public Builder jvmOptions(List<String> options) {
      for (String o : options) {
        if (!o.startsWith("-")) {
          throw new OsvException("JVM option '" + o + "' does not start with '-'",
              "give one option per element; program arguments go to the arguments setting");
        }
        jvmOptions.add(o);
      }
      return this;
    }

    /** A runtime dependency, placed as {@code <app directory>/lib/<file name>}. */
    public Builder dependency(Path jar) {
      return dependency(jar, jar.getFileName().toString());
    }

    /** A runtime dependency under a chosen name in {@code <app directory>/lib} (to resolve name clashes). */
    public Builder dependency(Path jar, String guestName) {
      checkName(jar, guestName);
      dependencies.add(Map.entry(jar, guestName));
      return this;
    }

    public Builder dependencies(List<Path> jars) {
      jars.forEach(this::dependency);
      return this;
    }

    /** Program arguments after the main class. */
    public Builder args(List<String> arguments) {
      args.addAll(arguments);
      return this;
    }

    /**
     * The command line.
     *
     * @throws OsvException for a jar name that cannot stand in a class path, or two jars at one path
     */
    public JavaCommandLine build() {
      Map<String, Path> classpath = new LinkedHashMap<>();
      add(classpath, appDirectory, appJar, appJar.getFileName().toString());
      for (Map.Entry<Path, String> dep : dependencies) {
        add(classpath, appDirectory + "/lib", dep.getKey(), dep.getValue());
      }
      return new JavaCommandLine(this, classpath);
    }

    private static void add(Map<String, Path> classpath, String dir, Path host, String name) {
      checkName(host, name);
      String guest = dir + "/" + name;
      Path previous = classpath.putIfAbsent(guest, host);
      if (previous != null) {
        throw new OsvException("two jars would both be " + guest + ": " + previous + " and " + host,
            "give one of them another name in the image");
      }
    }

    private static void checkName(Path host, String name) {
      if (name.isEmpty() || name.contains("/") || name.contains(":") || name.equals(".")
          || name.equals("..") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new OsvException("jar name '" + name + "' (" + host + ") cannot be used in the class path",
            "class path entries may not contain ':' or '/'; rename the file");
      }
    }
  }
}
