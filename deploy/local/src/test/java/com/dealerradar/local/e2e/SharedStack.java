package com.dealerradar.local.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an end-to-end class on the one {@link LocalStack} of the test run: the first class that asks starts
 * it, every later class joins it, and it is closed when the run ends. A class receives the stack as a
 * parameter of its {@code @BeforeAll} method, e.g. {@code static void join(LocalStack shared)}.
 * <p>
 * Classes on the shared stack see each other's data, so each one registers dealers and regions no other
 * class uses and asserts only on its own: a dealer's or a region's figures, not the whole group's (the one
 * class that must, runs first).
 * <p>
 * Classes run in {@code @Order} (junit-platform.properties sets the class orderer); a class without one runs
 * at the default place, before the {@link #DISRUPTIVE} classes that kill or restart parts of the stack, and
 * the {@link #LAST} one that stops it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SharedStackExtension.class)
@interface SharedStack {

    /** The order of a class that reads the whole group's figures: first, before other classes add their data. */
    int GROUP_WIDE = 1;

    /** The order of classes that kill or restart services, the broker or the store: after all the others. */
    int DISRUPTIVE = Integer.MAX_VALUE - 1;

    /** The order of the one class that takes the stack down for good (the run's end closes it): the very last. */
    int LAST = Integer.MAX_VALUE;
}
