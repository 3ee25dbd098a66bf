package com.example.hello;

/** Prints a greeting: the smallest application worth putting into a unikernel. */
public final class Hello {

  private Hello() {}

  public static void main(String[] args) {
    System.out.println("Hello from OSv!");
  }
}
