package io.osvmaven.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What runs in the image besides the kernel.
 *
 * @param kind {@code none}: only what the manifests give; {@code java}: a jlinked Java runtime plus the
 *     application jars; {@code native}: host executables with their shared-library closure
 * @param mainClass Java main class (java)
 * @param appJar the application jar (java)
 * @param dependencies runtime dependency jars, in classpath order (java)
 * @param modules Java modules of the runtime; empty: computed with jdeps (java)
 * @param jvmOptions options before the main class (java)
 * @param args application arguments (java)
 * @param javaHome where the runtime goes in the image (java)
 * @param jdkHome the JDK whose jlink and jmods build the runtime (java)
 * @param cacheDirectory where built runtimes are kept for reuse (java)
 * @param executables host binaries to include (native)
 * @param librarySearchPath extra host directories to find shared libraries in
 * @param hideSymbols whether the kernel hides its libstdc++ (then the image needs its own)
 */
public record RuntimeRequest(Kind kind, String mainClass, Path appJar, List<Path> dependencies,
    List<String> modules, List<String> jvmOptions, List<String> args, String javaHome, Path jdkHome,
    Path cacheDirectory, List<Path> executables, List<Path> librarySearchPath, boolean hideSymbols) {

  /** The runtime kinds. */
  public enum Kind {
    NONE,
    JAVA,
    NATIVE;

    public static Kind of(String name) {
      String n = name == null ? "none" : name.strip().toLowerCase(Locale.ROOT);
      return switch (n) {
        case "none", "" -> NONE;
        case "java" -> JAVA;
        case "native" -> NATIVE;
        default -> throw new io.osvmaven.core.OsvException("unknown runtime '" + name + "'",
            "use java (a jlinked Java runtime), native (host executables) or none");
      };
    }
  }

  public RuntimeRequest {
    dependencies = List.copyOf(dependencies);
    modules = List.copyOf(modules);
    jvmOptions = List.copyOf(jvmOptions);
    args = List.copyOf(args);
    executables = List.copyOf(executables);
    librarySearchPath = List.copyOf(librarySearchPath);
  }
}
