package com.dealerradar.followupservice.followup.domain;

public enum FollowUpType { CALL, SMS, WECHAT, SHOWROOM_VISIT, TEST_DRIVE, HOME_VISIT, EVENT_INVITATION }
