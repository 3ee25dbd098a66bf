package io.osvmaven.core.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link JavaRuntimeBuilder#build} should link.
 *
 * @param jdkHome the JDK whose {@code jlink}, {@code jdeps} and {@code jmods} are used
 * @param modules the root modules; empty means "compute them from {@code jars} with jdeps"
 * @param jars the application jar and its runtime dependencies, analysed when {@code modules} is empty
 * @param extraJlinkOptions options added after ours (e.g. {@code --bind-services}); part of the cache key
 * @param cacheDirectory where linked runtimes are kept, one subdirectory per cache key
 */
public record JavaRuntimeRequest(
    Path jdkHome,
    List<String> modules,
    List<Path> jars,
    List<String> extraJlinkOptions,
    Path cacheDirectory) {

  public JavaRuntimeRequest {
    Objects.requireNonNull(jdkHome, "jdkHome");
    modules = List.copyOf(modules);
    jars = List.copyOf(jars);
    extraJlinkOptions = List.copyOf(extraJlinkOptions);
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
  }

  /** A request for the running JVM's JDK, modules computed from {@code jars}. */
  public static JavaRuntimeRequest of(Path cacheDirectory, List<Path> jars) {
    return new JavaRuntimeRequest(runningJdk(), List.of(), jars, List.of(), cacheDirectory);
  }

  /** The JDK the build runs on ({@code java.home}). */
  public static Path runningJdk() {
    return Path.of(System.getProperty("java.home"));
  }

  public JavaRuntimeRequest withJdkHome(Path home) {
    return new JavaRuntimeRequest(home, modules, jars, extraJlinkOptions, cacheDirectory);
  }

  public JavaRuntimeRequest withModules(List<String> mods) {
    return new JavaRuntimeRequest(jdkHome, mods, jars, extraJlinkOptions, cacheDirectory);
  }

  public JavaRuntimeRequest withCacheDirectory(Path directory) {
    return new JavaRuntimeRequest(jdkHome, modules, jars, extraJlinkOptions, directory);
  }

  public JavaRuntimeRequest withExtraJlinkOptions(List<String> options) {
    return new JavaRuntimeRequest(jdkHome, modules, jars, options, cacheDirectory);
  }
}
