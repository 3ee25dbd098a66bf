package io.osvmaven.bench;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.profile.Arch;
import io.osvmaven.core.profile.Assignment;
import io.osvmaven.core.profile.DriverCatalog;
import io.osvmaven.core.profile.ImplicationRule;
import io.osvmaven.core.profile.Include;
import io.osvmaven.core.profile.Origin;
import io.osvmaven.core.profile.ProfileResolver;
import io.osvmaven.core.profile.ProfileSource;
import io.osvmaven.core.profile.ProfileStatement;
import io.osvmaven.core.profile.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolution of a synthetic catalog: N drivers, each with up to four implication rules to random
 * drivers (so chains are long and rules are mostly not in dependency order), and a profile that
 * includes 20 sub-profiles setting 5 % of the drivers. The goal: 3,000 drivers in at most 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileResolutionBenchmark {

  @Param({"3000"})
  int drivers;

  private ProfileResolver resolver;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < drivers; i++) {
      names.add(String.format("drv%05d", i));
    }
    List<ImplicationRule> rules = new ArrayList<>();
    int line = 1;
    for (String name : names) {
      int n = random.nextInt(5);
      for (int k = 0; k < n; k++) {
        rules.add(new ImplicationRule(name, names.get(random.nextInt(drivers)), new Origin("base.mk", line++)));
      }
    }
    Map<String, ProfileSource> profiles = new HashMap<>();
    List<ProfileStatement> top = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      List<ProfileStatement> statements = new ArrayList<>();
      for (int k = 0; k < drivers / 400; k++) {
        statements.add(new Assignment(names.get(random.nextInt(drivers)), true, new Origin("p" + p + ".mk", k + 1)));
      }
      profiles.put("p" + p, new ProfileSource("p" + p, statements, "p" + p + ".mk", null));
      top.add(new Include("p" + p, new Origin("top.mk", p + 1)));
    }
    profiles.put("top", new ProfileSource("top", top, "top.mk", null));
    resolver = new ProfileResolver(DriverCatalog.of(Arch.X64, names, rules, profiles));
  }

  /** Steady state, as in a long-running daemon or IDE. */
  @Benchmark
  public Resolution resolve() {
    return resolver.resolve("top", List.of(), List.of(), BuildListener.NONE);
  }

  /** The first resolution in a fresh JVM, as a one-off CLI call or Maven goal sees it. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(10)
  public Resolution resolveCold() {
    return resolver.resolve("top", List.of(), List.of(), BuildListener.NONE);
  }
}
