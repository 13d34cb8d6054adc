package com.dealerradar.gateway.route;

import com.dealerradar.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The last route forwards here any {@code /api} path that no service serves, so that the client gets
 * the API's own 404 rather than a remark about static resources.
 */
@RestController
class UnknownApiPath {

    @RequestMapping("/gateway/not-found")
    ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "there is no API at this path");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
