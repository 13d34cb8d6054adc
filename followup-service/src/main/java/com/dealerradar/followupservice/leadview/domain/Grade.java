package com.dealerradar.followupservice.leadview.domain;

/** How soon the lead is expected to buy; each grade has its own follow-up cadence. */
public enum Grade { H, A, B, C }
