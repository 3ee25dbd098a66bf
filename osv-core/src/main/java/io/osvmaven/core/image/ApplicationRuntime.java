package io.osvmaven.core.image;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.manifest.ResolvedEntry;
import io.osvmaven.core.runtime.ImageEntry;
import io.osvmaven.core.runtime.JavaApplication;
import io.osvmaven.core.runtime.JavaCommandLine;
import io.osvmaven.core.runtime.JavaRuntime;
import io.osvmaven.core.runtime.JavaRuntimeBuilder;
import io.osvmaven.core.runtime.JavaRuntimeRequest;
import io.osvmaven.core.runtime.LibraryRequest;
import io.osvmaven.core.runtime.NativeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the runtime part of an image: the files a Java or native application needs and the command
 * line that starts it.
 */
public final class ApplicationRuntime {

  /**
   * @param entries files, links and directories to add to the image
   * @param commandLine the command line that starts the application, when the runtime knows one
   * @param summary one line for the build log
   */
  public record Plan(List<ResolvedEntry> entries, Optional<String> commandLine, String summary) {
    public Plan {
      entries = List.copyOf(entries);
    }
  }

  private ApplicationRuntime() {}

  public static Plan plan(RuntimeRequest r, BuildListener listener) {
    return switch (r.kind()) {
      case NONE -> new Plan(List.of(), Optional.empty(), "none");
      case JAVA -> java(r, listener);
      case NATIVE -> nativeApp(r, listener);
    };
  }

  private static Plan java(RuntimeRequest r, BuildListener listener) {
    if (r.mainClass() == null || r.mainClass().isBlank()) {
      throw new OsvException("runtime java needs the application's main class",
          "set the main class, or give a command line and runtime none");
    }
    if (r.appJar() == null) {
      throw new OsvException("runtime java needs the application jar, but the project has none yet",
          "build the image in phase package, after the jar");
    }
    List<java.nio.file.Path> jars = new ArrayList<>();
    jars.add(r.appJar());
    jars.addAll(r.dependencies());
    JavaRuntimeRequest request = JavaRuntimeRequest.of(r.cacheDirectory(), jars)
        .withJdkHome(r.jdkHome() != null ? r.jdkHome() : JavaRuntimeRequest.runningJdk())
        .withModules(r.modules());
    JavaRuntime runtime = new JavaRuntimeBuilder(listener).build(request);
    JavaCommandLine command = JavaCommandLine.builder(r.mainClass().strip(), r.appJar())
        .javaHome(r.javaHome())
        .jvmOptions(r.jvmOptions())
        .dependencies(r.dependencies())
        .args(r.args())
        .build();
    LibraryRequest libraries = runtime.libraryRequest()
        .withExtraSearchDirectories(r.librarySearchPath())
        .withHideSymbols(r.hideSymbols());
    JavaApplication app = JavaApplication.plan(command, runtime, libraries, listener);
    return new Plan(convert(app.entries(), "Java runtime"), Optional.of(app.commandLine()),
        "java " + runtime.javaVersion() + " (" + String.join(",", runtime.modules()) + ")"
            + (runtime.reused() ? ", reused" : "") + ", " + app.libraries().libraries().size() + " host libraries");
  }

  private static Plan nativeApp(RuntimeRequest r, BuildListener listener) {
    if (r.executables().isEmpty()) {
      throw new OsvException("runtime native needs at least one executable", "list the host binaries to include");
    }
    LibraryRequest request = LibraryRequest.of(r.executables())
        .withExtraSearchDirectories(r.librarySearchPath())
        .withHideSymbols(r.hideSymbols());
    NativeApplication app = NativeApplication.plan(request, listener);
    return new Plan(convert(app.entries(), "native runtime"), app.defaultCommandLine(),
        "native, " + r.executables().size() + " executable(s), " + app.closure().libraries().size() + " host libraries");
  }

  private static List<ResolvedEntry> convert(List<ImageEntry> entries, String origin) {
    List<ResolvedEntry> out = new ArrayList<>();
    for (ImageEntry e : entries) {
      out.add(e.isSymlink()
          ? new ResolvedEntry.Link(e.guestPath(), e.linkTarget(), origin)
          : new ResolvedEntry.HostFile(e.guestPath(), e.hostPath(), origin + " " + e.hostPath().getFileName()));
    }
    return out;
  }
}
