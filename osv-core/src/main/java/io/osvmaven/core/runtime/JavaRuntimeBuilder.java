package io.osvmaven.core.runtime;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Links a minimal Java runtime for an application with the JDK's {@code jlink}, choosing the modules
 * with {@code jdeps} unless they are configured, and keeps it in a content-addressed cache: the cache
 * key is the SHA-256 of the JDK's identity (release file, jmods listing), the sorted modules and the
 * options, so a second build with the same inputs reuses the runtime without running jlink.
 *
 * <p>Reproducibility: we pass the modules sorted and the options in a fixed order, and the image gets
 * its timestamps and owners from the build, not from these files. JDK 17's jlink then writes the same
 * bytes for the same inputs (checked on Debian's OpenJDK 17), but older JDKs wrote jimage files that
 * differed from run to run; the cache makes repeated builds on one machine identical either way.
 */
public final class JavaRuntimeBuilder {

  /** The options always given to jlink (JDK 17 accepts --compress=0|1|2; 2 is zip). */
  static final List<String> JLINK_OPTIONS =
      List.of("--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2");

  private static final String KEY_VERSION = "osv-maven java runtime 1";
  private static final Pattern MODULE_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more).*");

  private final BuildListener listener;
  private final ToolRunner tools;

  public JavaRuntimeBuilder(BuildListener listener) {
    this(listener, ToolRunner.PROCESS);
  }

  JavaRuntimeBuilder(BuildListener listener, ToolRunner tools) {
    this.listener = listener;
    this.tools = tools;
  }

  /**
   * Returns the runtime for {@code request}, from the cache or freshly linked.
   *
   * @throws OsvException if the JDK cannot link (no jlink, no jmods), a module is unknown, or
   *     jdeps/jlink fail (their error output is in the message)
   */
  public JavaRuntime build(JavaRuntimeRequest request) {
    Path jdk = jdkHome(request.jdkHome());
    JdkRelease release = JdkRelease.read(jdk);
    List<String> modules = request.modules().isEmpty()
        ? cachedModules(jdk, release, request)
        : checkedModules(request.modules(), release);
    String keyText = keyText(jdk, release, modules, request.extraJlinkOptions());
    String key = RuntimeCacheEntry.sha256(keyText.getBytes(StandardCharsets.UTF_8));
    Path cache = request.cacheDirectory().toAbsolutePath().normalize();
    Path entry = cache.resolve(key);
    try {
      if (Files.isDirectory(entry)) {
        if (RuntimeCacheEntry.verify(entry, keyText)) {
          listener.info("Java runtime " + String.join(",", modules) + " reused from " + entry);
          return runtime(entry, modules, release, key, true);
        }
        listener.warn("cached Java runtime " + entry + " is incomplete or was modified; linking it again");
        RuntimeCacheEntry.deleteTree(entry);
      }
      Files.createDirectories(cache);
      Path tmp = Files.createTempDirectory(cache, ".tmp-" + key.substring(0, 12) + "-");
      try {
        link(jdk, modules, request.extraJlinkOptions(), tmp.resolve(RuntimeCacheEntry.RUNTIME));
        RuntimeCacheEntry.seal(tmp, keyText);
        publish(tmp, entry, keyText);
      } finally {
        RuntimeCacheEntry.deleteTree(tmp);
      }
    } catch (IOException e) {
      throw new OsvException("cannot prepare the Java runtime in " + entry + ": " + e.getMessage(),
          "check that the cache directory is writable", e);
    }
    listener.info("linked Java runtime " + String.join(",", modules) + " into " + entry);
    return runtime(entry, modules, release, key, false);
  }

  /**
   * The modules jdeps computed for the same JDK and the same jars (path, size, mtime) in an earlier
   * build, else {@link #computeModules}; jdeps takes about a second, which an unchanged rebuild should
   * not pay.
   */
  private List<String> cachedModules(Path jdk, JdkRelease release, JavaRuntimeRequest request) {
    StringBuilder key = new StringBuilder("jdeps\n").append(jdk).append('\n').append(release.javaVersion()).append('\n');
    try {
      for (Path jar : request.jars()) {
        if (!Files.isRegularFile(jar)) {
          return computeModules(jdk, request.jars());
        }
        key.append(jar.toAbsolutePath()).append('\t').append(Files.size(jar)).append('\t')
            .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
      }
      Path file = request.cacheDirectory().resolve("jdeps-"
          + RuntimeCacheEntry.sha256(key.toString().getBytes(StandardCharsets.UTF_8)) + ".txt");
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
          listener.debug("jdeps result reused from " + file);
          return List.of(text.split(","));
        }
      }
      List<String> modules = computeModules(jdk, request.jars());
      AtomicFiles.writeIfChanged(file, (String.join(",", modules) + "\n").getBytes(StandardCharsets.UTF_8));
      return modules;
    } catch (IOException e) {
      listener.debug("jdeps cache not usable: " + e.getMessage());
      return computeModules(jdk, request.jars());
    }
  }

  /**
   * The JDK modules the jars need, as jdeps computes them ({@code --print-module-deps
   * --ignore-missing-deps --multi-release <feature>}), sorted; {@code java.base} if none.
   */
  public List<String> computeModules(Path jdkHome, List<Path> jars) {
    Path jdk = jdkHome(jdkHome);
    if (jars.isEmpty()) {
      throw new OsvException("no Java modules configured and no jars to compute them from",
          "set the modules (e.g. java.base,java.logging) or give the application jar");
    }
    JdkRelease release = JdkRelease.read(jdk);
    List<String> command = new ArrayList<>(List.of(tool(jdk, "jdeps").toString(),
        "--print-module-deps", "--ignore-missing-deps",
        "--multi-release", Integer.toString(release.featureVersion())));
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        throw new OsvException("jar " + jar + " does not exist", "build the project first");
      }
      command.add(jar.toAbsolutePath().toString());
    }
    ToolRunner.Result r = run(command, "jdeps");
    String last = "";
    for (String line : r.stdout().split("\n")) {
      if (!line.isBlank()) {
        last = line.strip();
      }
    }
    Set<String> known = Set.copyOf(release.modules());
    Set<String> modules = new TreeSet<>();
    for (String m : last.split(",")) {
      String name = m.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!MODULE_NAME.matcher(name).matches()) {
        throw new OsvException("jdeps printed '" + r.stdout().strip() + "', not a module list",
            "set the modules explicitly");
      }
      if (known.isEmpty() || known.contains(name)) {
        modules.add(name);
      } else {
        listener.warn("jdeps reports module " + name + ", which the JDK does not have; left out");
      }
    }
    if (modules.isEmpty()) {
      modules.add("java.base");
    }
    listener.info("jdeps: the application needs " + String.join(",", modules));
    return List.copyOf(modules);
  }

  private void link(Path jdk, List<String> modules, List<String> extra, Path output) {
    List<String> command = new ArrayList<>(List.of(tool(jdk, "jlink").toString(),
        "--module-path", jdk.resolve("jmods").toString(),
        "--add-modules", String.join(",", modules)));
    command.addAll(JLINK_OPTIONS);
    command.addAll(extra);
    command.add("--output");
    command.add(output.toString());
    run(command, "jlink");
    if (!Files.isRegularFile(output.resolve("bin/java")) || !Files.isRegularFile(output.resolve("lib/modules"))) {
      throw new OsvException("jlink finished but " + output + " has no bin/java or lib/modules",
          "check the extra jlink options");
    }
  }

  private ToolRunner.Result run(List<String> command, String name) {
    listener.debug("running " + String.join(" ", command));
    ToolRunner.Result r;
    try {
      r = tools.run(command);
    } catch (IOException e) {
      throw new OsvException("cannot run " + command.get(0) + ": " + e.getMessage(),
          "check the JDK setting", e);
    }
    if (r.exitCode() != 0) {
      // the tools' own stack traces say nothing to a user; their exception lines do
      String output = (r.stderr().strip() + "\n" + r.stdout().strip()).lines()
          .filter(l -> !l.isBlank() && !STACK_FRAME.matcher(l).matches())
          .collect(Collectors.joining("\n"));
      throw new OsvException(name + " failed (exit code " + r.exitCode() + "): " + output,
          name.equals("jlink") ? "check the modules and the extra jlink options"
              : "check the jars, or set the modules explicitly");
    }
    return r;
  }

  /** Publishes a finished temporary entry; if another build published it first, keeps theirs. */
  private void publish(Path tmp, Path entry, String keyText) throws IOException {
    try {
      Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the cache directory does not support atomic renames", e);
    } catch (FileSystemException e) {
      if (!Files.isDirectory(entry) || !RuntimeCacheEntry.verify(entry, keyText)) {
        throw e;
      }
    }
  }

  private static JavaRuntime runtime(Path entry, List<String> modules, JdkRelease release, String key,
      boolean reused) {
    return new JavaRuntime(entry.resolve(RuntimeCacheEntry.RUNTIME), modules, release.javaVersion(), key,
        reused);
  }

  private static Path jdkHome(Path home) {
    Path jdk;
    try {
      jdk = home.toRealPath();
    } catch (IOException e) {
      throw new OsvException("JDK home " + home + " does not exist", "point the JDK setting at a JDK", e);
    }
    tool(jdk, "jlink");
    if (!Files.isDirectory(jdk.resolve("jmods"))) {
      throw new OsvException("JDK " + jdk + " has no jmods directory, which jlink needs",
          "use a full JDK (on Debian the openjdk-17-jdk-headless package has the jmods)");
    }
    return jdk;
  }

  private static Path tool(Path jdk, String name) {
    Path tool = jdk.resolve("bin").resolve(name);
    if (!Files.isExecutable(tool)) {
      throw new OsvException("JDK " + jdk + " has no bin/" + name,
          "use a full JDK, not a JRE or a jlinked runtime");
    }
    return tool;
  }

  private List<String> checkedModules(List<String> modules, JdkRelease release) {
    Set<String> known = new TreeSet<>(release.modules());
    Set<String> sorted = new TreeSet<>();
    for (String m : modules) {
      String name = m.strip();
      if (!MODULE_NAME.matcher(name).matches()) {
        throw new OsvException("'" + m + "' in the Java modules setting is not a module name",
            "list module names separated by commas, e.g. java.base,java.logging");
      }
      if (!known.isEmpty() && !known.contains(name)) {
        throw new OsvException("the JDK has no module " + name + " (Java modules setting)",
            Suggestions.hint(name, known));
      }
      sorted.add(name);
    }
    return List.copyOf(sorted);
  }

  /** What identifies the runtime: the JDK, its jmods, the modules and the options. */
  private static String keyText(Path jdk, JdkRelease release, List<String> modules, List<String> extra) {
    StringBuilder key = new StringBuilder(KEY_VERSION).append('\n');
    for (String prop : List.of("IMPLEMENTOR", "JAVA_RUNTIME_VERSION", "JAVA_VERSION", "OS_ARCH", "OS_NAME")) {
      key.append("jdk ").append(prop).append('=').append(release.get(prop).orElse("")).append('\n');
    }
    key.append("jmods ").append(jmodsDigest(jdk.resolve("jmods"))).append('\n');
    key.append("modules ").append(String.join(",", modules)).append('\n');
    for (String option : JLINK_OPTIONS) {
      key.append("option ").append(option).append('\n');
    }
    for (String option : extra) {
      key.append("extra ").append(option).append('\n');
    }
    return key.toString();
  }

  /** Names and sizes of the jmods: a JDK patched in place without a version change still differs. */
  private static String jmodsDigest(Path jmods) {
    StringBuilder listing = new StringBuilder();
    try (Stream<Path> files = Files.list(jmods)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        listing.append(p.getFileName()).append(' ').append(Files.size(p)).append('\n');
      }
    } catch (IOException e) {
      throw new OsvException("cannot list " + jmods + ": " + e.getMessage(), null, e);
    }
    return RuntimeCacheEntry.sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
  }
}
