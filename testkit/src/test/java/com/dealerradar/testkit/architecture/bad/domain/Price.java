package com.dealerradar.testkit.architecture.bad.domain;

public record Price(long cents) {}
