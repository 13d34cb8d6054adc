package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LocalStackIT {

    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @FieldSource("com.dealerradar.local.e2e.LocalStack#SERVICES")
    void everyServiceReportsReady(String module) throws Exception {
        URI readiness = URI.create("http://127.0.0.1:" + stack.servicePort(module) + "/actuator/health/readiness");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s readiness: %s", module, response.body()).isEqualTo(200);
    }
}
