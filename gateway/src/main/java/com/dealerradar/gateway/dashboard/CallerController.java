package com.dealerradar.gateway.dashboard;

import com.dealerradar.gateway.auth.Callers;
import com.dealerradar.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the presented key stands for. The dashboard needs the role and scope to
 * decide what may be picked; nothing else in the API tells a key about itself.
 */
@RestController
class CallerController {

    @GetMapping("/api/me")
    CallerView me(@RequestAttribute(Callers.ATTRIBUTE) Caller caller) {
        return new CallerView(caller.keyId(), caller.role().name(), caller.dealerId(), caller.region());
    }

    record CallerView(String keyId, String role, String dealerId, String region) {}
}
