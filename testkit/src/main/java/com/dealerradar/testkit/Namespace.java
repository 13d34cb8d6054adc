package com.dealerradar.testkit;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;

/**
 * The slice of the shared store and broker that one test class owns: a short id used as its MongoDB
 * database prefix and its Kafka topic prefix, so test classes sharing one JVM never see each other's data.
 * <p>
 * The owner is whatever declares the class's {@link RadarInfrastructure}: the class itself, or a composed
 * annotation that several classes carry. Classes marked with one composed annotation share its namespace,
 * and so, their configuration being the same, one cached application context; they keep apart by using
 * dealers and regions of their own.
 */
public record Namespace(String id) {

    private static final Map<Class<?>, Namespace> BY_OWNER = new ConcurrentHashMap<>();
    private static final AtomicInteger ISSUED = new AtomicInteger();

    /** The same class always gets the same namespace within a JVM; @Nested classes share their outer class's. */
    public static Namespace of(Class<?> testClass) {
        return BY_OWNER.computeIfAbsent(owner(testClass), Namespace::issue);
    }

    /**
     * Whose namespace {@code testClass} uses: the composed annotation that brings its {@link RadarInfrastructure},
     * or else the class itself, or for an inner (@Nested) class, its outermost class.
     */
    public static Class<?> owner(Class<?> testClass) {
        Class<?> owner = testClass;
        while (owner.getEnclosingClass() != null && !Modifier.isStatic(owner.getModifiers())) {
            owner = owner.getEnclosingClass();
        }
        AnnotationDescriptor<RadarInfrastructure> declared =
                TestContextAnnotationUtils.findAnnotationDescriptor(owner, RadarInfrastructure.class);
        return declared != null && declared.getDeclaringClass().isAnnotation() ? declared.getDeclaringClass() : owner;
    }

    /** The database name for this test class: {@code <id>_db}. */
    public String database() {
        return id + "_db";
    }

    /** A further database for tests that need more than one, e.g. {@code database("lead")} is {@code <id>_lead}. */
    public String database(String name) {
        return id + "_" + name;
    }

    /** The prefix of every topic this test class uses, dot included. */
    public String topicPrefix() {
        return id + ".";
    }

    public String topic(String name) {
        return topicPrefix() + name;
    }

    // The hash keeps ids readable and stable-looking across runs; the counter makes them unique regardless.
    private static Namespace issue(Class<?> owner) {
        return new Namespace(String.format("t%08x%d", owner.getName().hashCode(), ISSUED.incrementAndGet()));
    }
}
