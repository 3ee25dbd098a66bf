package com.example;

public final class Hello {
  public static void main(String[] args) {
    System.out.println("Hello from OSv");
  }
}
