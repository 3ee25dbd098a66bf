package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.osvmaven.core.image.ImageInspector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code osv rofs ls|cat|tree|verify}: read a ROFS image or the ROFS partition of a raw OSv disk. */
final class RofsCommand {

  enum Action { LS, CAT, TREE, VERIFY }

  @Parameters(commandDescription = "List a directory of a ROFS image or disk: IMAGE [PATH]")
  static final class Ls extends Args {
    Ls() {
      super(Action.LS);
    }
  }

  @Parameters(commandDescription = "Print a file of a ROFS image or disk: IMAGE PATH")
  static final class Cat extends Args {
    Cat() {
      super(Action.CAT);
    }
  }

  @Parameters(commandDescription = "Print every entry of a ROFS image or disk: IMAGE")
  static final class Tree extends Args {
    Tree() {
      super(Action.TREE);
    }
  }

  @Parameters(commandDescription = "Check the structure of a ROFS image or disk: IMAGE")
  static final class Verify extends Args {
    Verify() {
      super(Action.VERIFY);
    }
  }

  abstract static class Args implements Command {
    @Parameter(description = "IMAGE [PATH]")
    List<String> args = new ArrayList<>();

    private final Action action;

    Args(Action action) {
      this.action = action;
    }

    @Override
    public int run(Console console) throws IOException {
      if (args.isEmpty() || args.size() > 2 || (action == Action.CAT && args.size() != 2)
          || ((action == Action.TREE || action == Action.VERIFY) && args.size() != 1)) {
        throw new UsageException("rofs " + action.name().toLowerCase() + ": wrong arguments " + args);
      }
      try (ImageInspector.Opened opened = ImageInspector.open(Path.of(args.get(0)))) {
        return switch (action) {
          case LS -> ls(console, opened, args.size() > 1 ? args.get(1) : "/");
          case CAT -> cat(console, opened, args.get(1));
          case TREE -> tree(console, opened);
          case VERIFY -> verify(console, opened);
        };
      }
    }
  }

  private RofsCommand() {}

  static String describe(ImageInspector.Listed e) {
    return switch (e.kind()) {
      case 'f' -> String.format("f %s %d", e.path(), e.size());
      case 'l' -> "l " + e.path() + " -> " + e.linkTarget();
      default -> e.kind() + " " + e.path();
    };
  }

  private static int ls(Console console, ImageInspector.Opened opened, String path) {
    opened.list(path).forEach(e -> console.out.println(describe(e)));
    return 0;
  }

  private static int cat(Console console, ImageInspector.Opened opened, String path) throws IOException {
    try (InputStream in = opened.rofs().openFile(path)) {
      in.transferTo(console.out);
    }
    console.out.flush();
    return 0;
  }

  private static int tree(Console console, ImageInspector.Opened opened) {
    opened.commandLine().ifPresent(c -> console.err.println("command line: " + c));
    opened.list().forEach(e -> console.out.println(describe(e)));
    return 0;
  }

  private static int verify(Console console, ImageInspector.Opened opened) {
    List<String> problems = opened.rofs().verify();
    for (String p : problems) {
      console.out.println("problem: " + p);
    }
    console.out.println(problems.isEmpty() ? "ok" : problems.size() + " problem(s)");
    return problems.isEmpty() ? 0 : Main.BUILD_ERROR;
  }
}
