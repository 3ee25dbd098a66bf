package io.osvmaven.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.profile.ProfileException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code osv} command. Exit codes: 0 success, 1 the build failed (bad input, I/O error), 2 the
 * command line is wrong.
 */
public final class Main {

  public static final int OK = 0;
  public static final int BUILD_ERROR = 1;
  public static final int USAGE_ERROR = 2;

  @Parameter(names = {"-h", "--help"}, help = true, description = "show usage")
  boolean help;

  @Parameter(names = {"-v", "--verbose"}, description = "show debug messages")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Main main = new Main();
    Map<String, Map<String, Command>> groups = commands();
    JCommander jc = JCommander.newBuilder().programName("osv").addObject(main).build();
    groups.forEach((group, subs) -> {
      if (subs.size() == 1 && subs.containsKey("")) {
        jc.addCommand(group, subs.get(""));
      } else {
        jc.addCommand(group, new Group());
        JCommander groupJc = jc.getCommands().get(group);
        subs.forEach(groupJc::addCommand);
      }
    });
    try {
      jc.parse(args);
    } catch (ParameterException e) {
      err.println("osv: " + e.getMessage());
      err.println("Run 'osv --help' for usage.");
      return USAGE_ERROR;
    }
    String group = jc.getParsedCommand();
    if (main.help || group == null) {
      StringBuilder usage = new StringBuilder();
      jc.getUsageFormatter().usage(usage);
      (main.help ? out : err).print(usage);
      return main.help ? OK : USAGE_ERROR;
    }
    JCommander groupJc = jc.getCommands().get(group);
    Object selected = groupJc.getObjects().get(0);
    if (selected instanceof Group) {
      String sub = groupJc.getParsedCommand();
      if (sub == null) {
        StringBuilder usage = new StringBuilder();
        groupJc.getUsageFormatter().usage(usage);
        err.println("osv " + group + ": which one? " + String.join("|", groupJc.getCommands().keySet()));
        err.print(usage);
        return USAGE_ERROR;
      }
      selected = groupJc.getCommands().get(sub).getObjects().get(0);
    }
    Console console = new Console(out, err, main.verbose);
    try {
      return ((Command) selected).run(console);
    } catch (UsageException e) {
      err.println("osv: " + e.getMessage());
      return USAGE_ERROR;
    } catch (ProfileException e) {
      err.println("osv: " + DriverOptions.option(e) + ": " + e.describe());
      return BUILD_ERROR;
    } catch (OsvException e) {
      err.println("osv: " + e.describe());
      return BUILD_ERROR;
    } catch (IOException e) {
      err.println("osv: I/O error: " + e.getMessage());
      return BUILD_ERROR;
    }
  }

  /** Command groups and their sub-commands; a group with the single key "" is a plain command. */
  private static Map<String, Map<String, Command>> commands() {
    Map<String, Map<String, Command>> groups = new LinkedHashMap<>();
    Map<String, Command> profile = new LinkedHashMap<>();
    profile.put("list", new ProfileListCommand());
    profile.put("show", new ProfileShowCommand());
    profile.put("resolve", new ProfileResolveCommand());
    groups.put("profile", profile);
    groups.put("header", Map.of("", new HeaderCommand()));
    Map<String, Command> image = new LinkedHashMap<>();
    image.put("build", new ImageBuildCommand());
    groups.put("image", image);
    Map<String, Command> rofs = new LinkedHashMap<>();
    rofs.put("ls", new RofsCommand.Ls());
    rofs.put("cat", new RofsCommand.Cat());
    rofs.put("tree", new RofsCommand.Tree());
    rofs.put("verify", new RofsCommand.Verify());
    groups.put("rofs", rofs);
    Map<String, Command> zfs = new LinkedHashMap<>();
    zfs.put("verify", new ZfsVerifyCommand());
    groups.put("zfs", zfs);
    Map<String, Command> xen = new LinkedHashMap<>();
    xen.put("list", new XenCommands.ListCommand());
    xen.put("explain", new XenCommands.ExplainCommand());
    xen.put("select", new XenCommands.SelectCommand());
    groups.put("xen", xen);
    return groups;
  }

  /** Placeholder object for a command that only groups sub-commands. */
  @com.beust.jcommander.Parameters(commandDescription = "a group of sub-commands")
  static final class Group {}
}
