package com.example;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import java.util.logging.Logger;

public final class Hello {
  @Parameter(names = "--name")
  String name = "OSv";

  public static void main(String[] args) {
    Hello hello = new Hello();
    JCommander.newBuilder().addObject(hello).build().parse(args);
    Logger.getLogger("hello").info("Hello, " + hello.name);
  }
}
