package com.dealerradar.testkit.architecture.good.domain;

public record Price(long cents) {}
