package com.dealerradar.leadservice;

import com.dealerradar.testkit.RadarInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * lead-service on the shared store and broker, in one application context for every class so marked:
 * they share this annotation's namespace, so Spring's context cache starts lead-service once for all
 * of them. Each class keeps to dealers (and phone numbers) of its own, and reads events by its dealers.
 * A class that needs other properties declares its own {@code @SpringBootTest} and {@code @RadarInfrastructure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RadarInfrastructure
@interface SharedLeadServiceContext {
}
